import { z } from "zod";
import { passedOverReasons } from "@/lib/domain/theatre-candidates";
import { admissions } from "@/lib/domain/vocabulary";
import { listingPriorities } from "@/lib/domain/waiting-list";
import { instant, instantMs, isoDate, uuid } from "./common";

/** The freed theatre time: a theatre and the time that is free in it (at most one session long, checked against the site's sessions). */
export const candidateQuery = z
  .object({
    roomId: uuid.meta({ description: "The theatre whose time is free" }),
    start: instant,
    end: instant,
  })
  // Compared as instants; a malformed time is reported by its own field only.
  .refine((v) => !(instantMs(v.end) <= instantMs(v.start)), { path: ["end"], message: "Must be after the start" });
export type CandidateQuery = z.infer<typeof candidateQuery>;

const named = z.object({ id: uuid, name: z.string() });

export const theatreCandidate = z.object({
  caseId: uuid,
  patient: z.object({ id: uuid, name: z.string(), mrn: z.string() }),
  priority: z.enum(listingPriorities),
  listedOn: isoDate,
  weeksWaited: z.number().int(),
  breachOn: isoDate,
  admission: z.enum(admissions).meta({ description: "SX-4: day case only when the assessment records help at home" }),
  start: z.string().meta({ description: "The arthroscopy to book: from the freed time's start" }),
  end: z.string().meta({ description: "Its end: the site's arthroscopy length, or the freed time's end when sooner" }),
  surgeon: named.meta({ description: "The case's listing surgeon, who operates" }),
  anaesthetist: named.meta({
    description:
      "The cancelled arthroscopy's anaesthetist when free then, else the first free anaesthetist of the site",
  }),
  room: named,
});

export const candidateList = z
  .object({
    items: z.array(theatreCandidate).meta({ description: "WL-4 filtered, in WL-3 order" }),
    passedOver: z
      .array(
        z.object({
          reason: z.enum(Object.keys(passedOverReasons) as [keyof typeof passedOverReasons]),
          rule: z.string(),
          count: z.number().int(),
        }),
      )
      .meta({ description: "How many waiting cases cannot take the time, by reason (no patient named)" }),
  })
  .meta({ id: "TheatreCandidates" });
export type CandidateList = z.infer<typeof candidateList>;
