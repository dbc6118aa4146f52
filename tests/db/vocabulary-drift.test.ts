// The closed sets are written once, in lib/domain; prisma/schema.prisma must declare the same
// values in the same order (PostgreSQL sorts an enum column in its declared order, and staff
// see the tuples' order in choices). A value added, removed or moved on either side fails here.
import { readFileSync } from "node:fs";
import { get_dmmf } from "@prisma/prisma-schema-wasm";
import { describe, expect, it } from "vitest";
import type * as Db from "@/lib/db/generated/enums";
import { caseStatuses, type CaseStatus } from "@/lib/domain/case-status";
import { theatreSessionNames, type TheatreSessionName } from "@/lib/domain/policies";
import * as v from "@/lib/domain/vocabulary";
import { listingPriorities, type ListingPriority } from "@/lib/domain/waiting-list";

type DmmfEnum = { name: string; values: { name: string; dbName: string | null }[] };
const schemaText = readFileSync("prisma/schema.prisma", "utf8");
const prismaEnums: DmmfEnum[] = JSON.parse(get_dmmf(JSON.stringify({ prismaSchema: schemaText }))).datamodel.enums;

/** Each enum of schema.prisma, by its name there, and the domain tuple it stores. */
const domainTupleOf: Record<string, readonly string[]> = {
  StaffRole: v.roles,
  RoomKind: v.roomKinds,
  Sex: v.sexes,
  CaseSide: v.sides,
  Mechanism: v.mechanisms,
  CaseStatus: caseStatuses,
  ImagingModality: v.modalities,
  InjectionGuidance: v.guidances,
  PainSeverity: v.painSeverities,
  FirstLineMeasure: v.measures,
  CourseOutcome: v.outcomes,
  AnaesthesiaType: v.anaesthesiaTypes,
  DressingStatus: v.dressingStatuses,
  PhysioStatus: v.physioStatuses,
  ClearanceActivity: v.clearanceActivities,
  AppointmentKind: v.appointmentKinds,
  AppointmentStatus: v.appointmentStatuses,
  Attendance: v.attendances,
  Admission: v.admissions,
  TheatreSession: theatreSessionNames,
  ResourceKind: v.resourceKinds,
  WoundState: v.woundStates,
  ListingPriority: listingPriorities,
  PainTimepoint: v.painTimepoints,
  ScoreSource: v.scoreSources,
  ReturnActivity: v.returnActivities,
  ComplicationKind: v.complicationKinds,
  ClavienDindoGrade: v.clavienDindoGrades,
  MessageChannel: v.messageChannels,
  MessageKind: v.messageKinds,
  MessageStatus: v.messageStatuses,
  MoveRequestStatus: v.moveRequestStatuses,
};

// The same agreement for the generated client's types: `tsc` fails when they part (after
// `node scripts/prisma-generate.mjs`), so code mixing the client's rows and domain types stays sound.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const typesAgree = {
  StaffRole: true,
  RoomKind: true,
  Sex: true,
  CaseSide: true,
  Mechanism: true,
  CaseStatus: true,
  ImagingModality: true,
  InjectionGuidance: true,
  PainSeverity: true,
  FirstLineMeasure: true,
  CourseOutcome: true,
  AnaesthesiaType: true,
  DressingStatus: true,
  PhysioStatus: true,
  ClearanceActivity: true,
  AppointmentKind: true,
  AppointmentStatus: true,
  Attendance: true,
  Admission: true,
  TheatreSession: true,
  ResourceKind: true,
  WoundState: true,
  ListingPriority: true,
  PainTimepoint: true,
  ScoreSource: true,
  ReturnActivity: true,
  ComplicationKind: true,
  ClavienDindoGrade: true,
  MessageChannel: true,
  MessageKind: true,
  MessageStatus: true,
  MoveRequestStatus: true,
} satisfies {
  StaffRole: Same<Db.StaffRole, v.Role>;
  RoomKind: Same<Db.RoomKind, v.RoomKind>;
  Sex: Same<Db.Sex, v.Sex>;
  CaseSide: Same<Db.CaseSide, v.Side>;
  Mechanism: Same<Db.Mechanism, v.Mechanism>;
  CaseStatus: Same<Db.CaseStatus, CaseStatus>;
  ImagingModality: Same<Db.ImagingModality, v.Modality>;
  InjectionGuidance: Same<Db.InjectionGuidance, v.Guidance>;
  PainSeverity: Same<Db.PainSeverity, v.PainSeverity>;
  FirstLineMeasure: Same<Db.FirstLineMeasure, v.Measure>;
  CourseOutcome: Same<Db.CourseOutcome, v.Outcome>;
  AnaesthesiaType: Same<Db.AnaesthesiaType, v.AnaesthesiaType>;
  DressingStatus: Same<Db.DressingStatus, v.DressingStatus>;
  PhysioStatus: Same<Db.PhysioStatus, v.PhysioStatus>;
  ClearanceActivity: Same<Db.ClearanceActivity, v.ClearanceActivity>;
  AppointmentKind: Same<Db.AppointmentKind, v.AppointmentKind>;
  AppointmentStatus: Same<Db.AppointmentStatus, v.AppointmentStatus>;
  Attendance: Same<Db.Attendance, v.Attendance>;
  Admission: Same<Db.Admission, v.Admission>;
  TheatreSession: Same<Db.TheatreSession, TheatreSessionName>;
  ResourceKind: Same<Db.ResourceKind, v.ResourceKind>;
  WoundState: Same<Db.WoundState, v.WoundState>;
  ListingPriority: Same<Db.ListingPriority, ListingPriority>;
  PainTimepoint: Same<Db.PainTimepoint, v.PainTimepoint>;
  ScoreSource: Same<Db.ScoreSource, v.ScoreSource>;
  ReturnActivity: Same<Db.ReturnActivity, v.ReturnActivity>;
  ComplicationKind: Same<Db.ComplicationKind, v.ComplicationKind>;
  ClavienDindoGrade: Same<Db.ClavienDindoGrade, v.ClavienDindoGrade>;
  MessageChannel: Same<Db.MessageChannel, v.MessageChannel>;
  MessageKind: Same<Db.MessageKind, v.MessageKind>;
  MessageStatus: Same<Db.MessageStatus, v.MessageStatus>;
  MoveRequestStatus: Same<Db.MoveRequestStatus, v.MoveRequestStatus>;
};

describe("one vocabulary: the database enums and the domain's closed sets", () => {
  it("has a domain tuple for every enum of the schema, and no tuple for an enum the schema lacks", () => {
    expect(Object.keys(domainTupleOf).sort()).toEqual(prismaEnums.map((e) => e.name).sort());
    expect(Object.keys(typesAgree).sort()).toEqual(Object.keys(domainTupleOf).sort());
  });

  it.each(prismaEnums.map((e) => [e.name, e] as const))(
    "stores in %s exactly the domain's values, in their order",
    (name, prismaEnum) => {
      // A value renamed for the database (@map) would store words the domain does not speak.
      expect(prismaEnum.values.filter((value) => value.dbName !== null)).toEqual([]);
      expect(prismaEnum.values.map((value) => value.name)).toEqual([...(domainTupleOf[name] ?? [])]);
    },
  );
});
