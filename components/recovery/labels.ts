export const woundLabel: Record<string, string> = {
  clean_dry: "Clean and dry",
  exudate: "Exudate",
  signs_of_infection: "Signs of infection",
  healed: "Healed",
};
