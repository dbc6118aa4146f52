import { expect, test } from "@playwright/test";
import { bookAsOf } from "./arrange";
import { apiAs, emailOf, signInThroughPage } from "./support";
import { seriousViolations } from "./axe";
import { formatDay } from "@/lib/domain/date-format";
import { siteAt, startOf, today } from "./clock";
import { caseAt, type Clients } from "./pathway-support";

let c: Clients;
test.beforeAll(async () => {
  c = {
    reception: await apiAs("reception"),
    surgeon: await apiAs("surgeon"),
    anaesthetist: await apiAs("anaesthetist"),
  };
});

/** A patient on day 2 whose dressing was booked at today's midnight for `hour`:`minute`, so it exists whatever the hour. */
async function dressingToday(hour: number, minute: number) {
  const kase = await caseAt(c, "operated", { operatedDaysAgo: 2 });
  const day = today();
  bookAsOf(new Date(startOf(day)), {
    caseId: kase.id,
    kind: "dressing",
    start: siteAt(day, hour, minute),
    homeVisit: true,
  });
  const appointments = (await (await c.reception.get(`/api/v1/appointments?caseId=${kase.id}`)).json()).items;
  return { ...kase, name: appointments[0].patient.name as string };
}

test.describe("attendance", () => {
  test("reception marks one dressing arrived and one not attended; the nurse's board flags the absence and offers to book it again", async ({
    page,
  }) => {
    const came = await dressingToday(12, 0);
    const absent = await dressingToday(12, 40);

    await signInThroughPage(page, emailOf("reception"));
    await expect(page.getByRole("heading", { level: 1, name: "Reception" })).toBeVisible();

    await page.goto(`/cases/${came.id}`);
    const appointments = page.getByRole("region", { name: "Appointments" });
    const cameRow = appointments.getByRole("row").filter({ hasText: "Dressing" });
    await cameRow.getByRole("button", { name: "Arrived" }).click();
    await expect(cameRow.getByRole("status")).toHaveText("Marked: Arrived.");
    await expect(cameRow.getByText("Arrived", { exact: true })).toBeVisible();

    await page.goto(`/cases/${absent.id}`);
    const absentRow = appointments.getByRole("row").filter({ hasText: "Dressing" });
    await absentRow.getByRole("button", { name: "Did not attend…" }).click();
    await absentRow.getByRole("button", { name: "Yes, did not attend" }).click();
    await expect(absentRow.getByRole("status")).toHaveText("Marked: Did not attend.");
    await expect(absentRow.getByRole("button", { name: "Arrived" })).toBeEnabled();
    expect(await seriousViolations(page)).toEqual([]);

    // The patient's own list shows each mark.
    await page.goto(`/reception/patients/${came.patientId}`);
    const cameList = page.getByRole("region", { name: "Appointments" });
    await expect(
      cameList.getByRole("row").filter({ hasText: "Dressing" }).getByText("Arrived", { exact: true }),
    ).toBeVisible();
    await page.goto(`/reception/patients/${absent.patientId}`);
    await expect(
      cameList.getByRole("row").filter({ hasText: "Dressing" }).getByText("Did not attend", { exact: true }),
    ).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/login/);
    await signInThroughPage(page, emailOf("nurse"));
    const board = page.getByRole("region", { name: "Recovery board" });
    const absentOnBoard = board.getByRole("row").filter({ hasText: absent.name });
    await expect(
      absentOnBoard.getByText(`The patient did not attend the dressing due ${formatDay(today())}.`),
    ).toBeVisible();
    await expect(
      board
        .getByRole("row")
        .filter({ hasText: came.name })
        .getByText(/did not attend/),
    ).toHaveCount(0);
    await absentOnBoard.getByRole("link", { name: "Book again…" }).click();
    await expect(page).toHaveURL(new RegExp(`/cases/${absent.id}\\?rebook=`));
    await expect(page.getByRole("heading", { name: "Book the visit again" })).toBeVisible();
    await expect(page.getByLabel("Appointment", { exact: true })).toHaveValue("dressing");
  });
});
