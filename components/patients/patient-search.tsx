"use client";

import { formatDay } from "@/lib/domain/date-format";
import { useInfiniteQuery } from "@tanstack/react-query";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";
import { api } from "@/lib/http/client";
import { endpoints } from "@/lib/http/endpoints";
import { ProblemMessage } from "@/components/ui/problem-message";
import { DataTable } from "@/components/ui/data-table";
import { spacedNhsNumber } from "@/lib/domain/patient-identifiers";

/** Finds patients by name, MRN, birth date, NHS number or postcode; links each to `${linkBase}${patient.id}`. */
export function PatientSearch({ linkBase = "/patients/" }: { linkBase?: string }) {
  // The search lives in the address (?q=): Back from a patient, a reload or a shared link on
  // the same workstation shows the same results.
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const q = params.get("q") ?? "";
  const [text, setText] = useState(q);
  // Back or Forward changes the address: the box shows its search again.
  const [shown, setShown] = useState(q);
  if (shown !== q) {
    setShown(q);
    setText(q);
  }
  const setQ = (value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set("q", value);
    else next.delete("q");
    router.push(next.size ? `${pathname}?${next}` : pathname, { scroll: false });
  };
  // 25 at a time: "More patients" reads the next 25 (each read is audited, so not all at once).
  const search = useInfiniteQuery({
    queryKey: ["patients", q],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      api(endpoints.searchPatients, { query: { q, limit: 25, ...(pageParam ? { cursor: pageParam } : {}) } }),
    getNextPageParam: (last) => last.nextCursor,
    // Nothing is read (nor audited) until someone searches.
    enabled: q !== "",
  });
  const patients = search.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <section className="panel" aria-labelledby="find-patient">
      <h2 id="find-patient">Find a patient</h2>
      <form
        role="search"
        className="row"
        onSubmit={(event) => {
          event.preventDefault();
          setQ(text.trim());
        }}
      >
        <div className="field">
          <label htmlFor="patient-q">Name, MRN or birth date, NHS number or postcode</label>
          <input
            id="patient-q"
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder="e.g. Zoe Lambert, P0001001, 1984-03-12"
          />
        </div>
        <div className="field">
          <button type="submit">Search</button>
        </div>
      </form>
      {q === "" && (
        <p className="muted">
          Type part of a name, an MRN, a birth date (YYYY-MM-DD or DD/MM/YYYY), an NHS number or a postcode (or its
          first half).
        </p>
      )}
      {q !== "" && search.isPending && <p className="muted">Searching…</p>}
      {search.error && <ProblemMessage error={search.error} />}
      {search.data && (
        <DataTable
          rows={patients}
          rowKey={(patient) => patient.id}
          empty={<>No patient matches “{q}”.</>}
          caption={
            <>
              Patients matching “{q}”{search.hasNextPage && ` (the first ${patients.length}: more below)`}
            </>
          }
          columns={[
            {
              header: "Name",
              cell: (patient) => (
                <Link href={`${linkBase}${patient.id}`}>
                  {patient.familyName.toUpperCase()}, {patient.givenName}
                </Link>
              ),
            },
            { header: "MRN", cell: (patient) => patient.mrn },
            { header: "Birth date", cell: (patient) => formatDay(patient.birthDate) },
            { header: "Sex", cell: (patient) => patient.sex },
            { header: "NHS number", cell: (patient) => (patient.nhsNumber ? spacedNhsNumber(patient.nhsNumber) : "—") },
            { header: "Postcode", cell: (patient) => patient.address?.postcode ?? "—" },
          ]}
        />
      )}
      {search.hasNextPage && (
        <button
          type="button"
          className="secondary"
          disabled={search.isFetchingNextPage}
          onClick={() => void search.fetchNextPage()}
        >
          {search.isFetchingNextPage ? "Searching…" : "More patients"}
        </button>
      )}
    </section>
  );
}
