import type { WoundState } from "@/lib/domain/vocabulary";

export const woundLabel: Record<WoundState, string> = {
  clean_dry: "Clean and dry",
  exudate: "Exudate",
  signs_of_infection: "Signs of infection",
  healed: "Healed",
};
