import { expect, test } from "@playwright/test";
import { endpoints } from "@/lib/http/endpoints";
import type { BodyOf } from "@/lib/http/client";
import { apiAs, emailOf, newestAuditId, send, signInThroughPage } from "./support";
import { siteAt, today, weekdayAfter } from "./clock";
import { addDays } from "@/lib/domain/time";
import { formatDay } from "@/lib/domain/date-format";
import { caseAt } from "./pathway-support";

test.describe("admin workspace", () => {
  test("lists the demo site's staff and rooms", async ({ page }) => {
    await signInThroughPage(page, emailOf("admin"));
    await expect(page.getByRole("heading", { level: 1, name: "Administration" })).toBeVisible();
    await expect(page.getByRole("heading", { name: /^Staff \(\d+\)$/ })).toBeVisible();
    for (const name of [
      "Mr Alan Hart",
      "Dr Ruth Okafor",
      "Nurse Grace Bell",
      "Sam Whitfield",
      "Jo Marsh",
      "Kim Adeyemi",
    ]) {
      await expect(page.getByRole("cell", { name, exact: true })).toBeVisible();
    }
    // Other journeys may add rooms: the demo's ten are there whatever else is.
    await expect(page.getByRole("heading", { name: /^Rooms \(\d+\)$/ })).toBeVisible();
    for (const room of ["Theatre 1", "Theatre 2", "Imaging suite", "Physio gym 2", "Dressing room 2"]) {
      await expect(page.getByRole("cell", { name: room, exact: true })).toBeVisible();
    }
  });

  test("finds who opened a patient's record by name and downloads it as CSV", async ({ page }) => {
    const reception = await apiAs("reception");
    const patient = (await (await reception.get("/api/v1/patients?q=lambert")).json()).items[0];
    await reception.get(`/api/v1/patients/${patient.id}`);
    const name = `${patient.familyName.toUpperCase()}, ${patient.givenName}`;

    await signInThroughPage(page, emailOf("admin"));
    await page.getByRole("link", { name: "Audit trail" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Audit trail" })).toBeVisible();
    await page.getByLabel("Patient: name, MRN or NHS number").fill(`${patient.givenName} ${patient.familyName}`);
    await page.getByRole("button", { name: "Find patient" }).click();
    const choice = page.getByRole("button", { name: new RegExp(`^${name} \\(${patient.mrn},`) });
    const chosen = page.getByText(`Patient: ${name} (${patient.mrn}`);
    // One match is chosen at once; several are offered to choose from.
    await expect(chosen.or(choice).first()).toBeVisible();
    if (await choice.isVisible()) await choice.click();
    await expect(chosen).toBeVisible();
    await page.getByLabel("Staff member").selectOption({ label: "Jo Marsh (reception)" });
    await page.getByRole("button", { name: "Show events" }).click();
    await expect(page.getByRole("heading", { name: new RegExp(`^Who saw ${name}.*, by Jo Marsh$`) })).toBeVisible();
    const opened = page.getByRole("row").filter({ hasText: "opened the patient record" }).first();
    await expect(opened).toContainText("Jo Marsh");
    await expect(opened).toContainText(`${name} (${patient.mrn})`);

    const downloading = page.waitForEvent("download");
    await page.getByRole("link", { name: "Download these events as CSV" }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe("audit-trail.csv");
    const csv = await (await import("node:fs/promises")).readFile((await download.path())!, "utf8");
    const lines = csv.split("\r\n");
    expect(lines[0]).toBe("When (UTC),Staff member,Action,Patient,MRN,Patients shown,Record,Record id");
    expect(lines).toContainEqual(
      expect.stringMatching(
        new RegExp(`,Jo Marsh,opened the patient record,"${name}",${patient.mrn},1,patient,${patient.id}$`),
      ),
    );
    // Only Jo Marsh's events: the filter applies to the file as to the page.
    expect(lines.slice(1).filter((l) => l && !l.includes(",Jo Marsh,"))).toEqual([]);
  });
});

test.describe("clinic policies", () => {
  test("the administrator shortens the assessment's validity and an older assessment no longer allows the arthroscopy (SX-3)", async ({
    page,
  }) => {
    const admin = await apiAs("admin");
    const defaults = await (await admin.get("/api/v1/policies")).json();
    try {
      await signInThroughPage(page, emailOf("admin"));
      await page.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Policies" }).click();
      await expect(page.getByLabel(/An anaesthesia assessment is valid for/)).toHaveValue(
        String(defaults.assessmentValidityDays),
      );
      await page.getByLabel(/An anaesthesia assessment is valid for/).fill("30");
      await page.getByRole("button", { name: "Save policies" }).click();
      await expect(page.getByRole("status")).toContainText("Policies saved");

      const clients = {
        reception: await apiAs("reception"),
        surgeon: await apiAs("surgeon"),
        anaesthetist: await apiAs("anaesthetist"),
      };
      const kase = await caseAt(clients, "assessed", { operatedDaysAgo: 0, assessedDaysBeforeOperation: 40 });
      const booking = await send(clients.reception, endpoints.bookAppointment, {
        body: { caseId: kase.id, kind: "arthroscopy", start: siteAt(weekdayAfter(today(), 3), 8) },
      });
      expect((await booking.json()).code).toBe("SX-3");
    } finally {
      expect((await send(admin, endpoints.setPolicies, { body: defaults })).status()).toBe(200);
    }
  });
});

test.describe("clinic telephone", () => {
  test("the administrator sets the clinic's telephone number, refused in a plain message when it is not one, and the patient's plan prints it", async ({
    page,
  }) => {
    const admin = await apiAs("admin");
    const before = await (await admin.get("/api/v1/policies")).json();
    const surgeon = await apiAs("surgeon");
    const operated = (await (await surgeon.get("/api/v1/cases?status=operated&limit=1")).json()).items[0];
    try {
      await signInThroughPage(page, emailOf("admin"));
      await page.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Policies" }).click();
      const phone = page.getByLabel("Telephone number printed on patients' plans");
      await phone.fill("call reception");
      await page.getByRole("button", { name: "Save policies" }).click();
      await expect(page.getByRole("main").getByRole("alert")).toContainText("clinic phone: A phone number");
      await phone.fill("+44 (0)20 7946 0999");
      await page.getByRole("button", { name: "Save policies" }).click();
      await expect(page.getByRole("status")).toContainText("Policies saved");
      expect((await (await admin.get("/api/v1/policies")).json()).clinicPhone).toBe("+44 (0)20 7946 0999");

      const plan = await (await surgeon.get(`/api/v1/cases/${operated.id}/care-plan`)).json();
      expect(plan.clinic.phone).toBe("+44 (0)20 7946 0999");
    } finally {
      expect((await send(admin, endpoints.setPolicies, { body: before })).status()).toBe(200);
    }
  });
});

test.describe("leave", () => {
  test("the administrator enters leave over several days, sees the booking it clashes with before saving, saves it on purpose, then removes it after confirming (SC-2)", async ({
    page,
  }) => {
    const clients = {
      reception: await apiAs("reception"),
      surgeon: await apiAs("surgeon"),
      anaesthetist: await apiAs("anaesthetist"),
    };
    const surgeon = (await (await clients.reception.get("/api/v1/staff?role=surgeon")).json()).items.find(
      (s: { name: string }) => s.name === "Ms Priya Nair",
    );
    const first = weekdayAfter(today(), 45);
    const last = addDays(first, 2);
    const kase = await caseAt(clients, "referred");
    const patient = await (await clients.reception.get(`/api/v1/patients/${kase.patientId}`)).json();
    const booked = await send(clients.reception, endpoints.bookAppointment, {
      body: { caseId: kase.id, kind: "consultation", start: siteAt(addDays(first, 1), 10), clinicianId: surgeon.id },
    });
    expect(booked.status()).toBe(201);

    await signInThroughPage(page, emailOf("admin"));
    await page.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Hours" }).click();
    await page.getByLabel("Hours of").selectOption({ label: "Ms Priya Nair" });
    await page.getByLabel("First day").fill(first);
    await page.getByLabel("Last day (optional)").fill(last);
    await page.getByLabel("Reason").fill("Conference");
    await page.getByRole("button", { name: "Add" }).click();
    const warning = page.getByRole("alert").filter({ hasText: "1 booked appointment falls outside these hours." });
    const clash = warning.getByRole("row").filter({ hasText: patient.mrn });
    await expect(clash).toContainText(formatDay(addDays(first, 1)));
    await expect(clash).toContainText("10:00");
    await expect(clash).toContainText("Consultation");
    await expect(clash).toContainText(`${patient.familyName.toUpperCase()}, ${patient.givenName}`);
    await expect(page.getByText(`${formatDay(first)} to ${formatDay(last)}: off — Conference`)).toHaveCount(0);

    await warning.getByRole("button", { name: "Save the leave anyway" }).click();
    await expect(page.getByRole("status")).toHaveText(`Saved for ${formatDay(first)} to ${formatDay(last)}.`);
    const entry = page
      .getByRole("listitem")
      .filter({ hasText: `${formatDay(first)} to ${formatDay(last)}: off — Conference` });
    await expect(entry).toBeVisible();

    await entry.getByRole("button", { name: /^Remove / }).click();
    await entry.getByRole("button", { name: "Yes, remove" }).click();
    await expect(page.getByRole("status")).toHaveText(`Removed for ${formatDay(first)} to ${formatDay(last)}.`);
    await expect(entry).toHaveCount(0);
  });
});

test.describe("staff accounts", () => {
  test("the administrator adds a nurse, who sets her own password through the link shown once and signs in; deactivating her after confirming ends her session (AC-2)", async ({
    browser,
    page,
  }) => {
    const email = `nurse.${Date.now()}@demo.clinic`;
    await signInThroughPage(page, emailOf("admin"));
    await page.getByLabel("Name", { exact: true }).fill("Nurse Ada Newby");
    await page.getByLabel("Email", { exact: true }).fill(email);
    await page.getByLabel("Role").selectOption("nurse");
    await expect(page.getByLabel(/password/i)).toHaveCount(0);
    await page.getByRole("button", { name: "Add staff member" }).click();
    await expect(page.getByRole("cell", { name: email })).toBeVisible();
    const link = await page.getByLabel("Set-password link for Nurse Ada Newby").inputValue();
    expect(link).toMatch(/\/set-password\/[\w-]{43}$/);
    await page.getByRole("button", { name: "Done" }).click();
    await expect(page.getByLabel("Set-password link for Nurse Ada Newby")).toHaveCount(0);

    const nurse = await browser.newPage();
    await nurse.goto(link);
    await expect(nurse.getByRole("heading", { name: "Set your password" })).toBeVisible();
    await expect(nurse.getByText(email)).toBeVisible();
    // The rule is there before anything is sent, tied to the field for screen readers.
    await expect(nurse.getByLabel("New password")).toHaveAccessibleDescription(/^At least 12 characters/);
    await nurse.getByLabel("New password").fill("Ada's own secret words");
    await nurse.getByLabel("The same password again").fill("Ada's own secret word");
    await nurse.getByRole("button", { name: "Set my password" }).click();
    await expect(nurse.getByText("The two passwords are not the same")).toBeVisible();
    await nurse.getByLabel("The same password again").fill("Ada's own secret words");
    await nurse.getByRole("button", { name: "Set my password" }).click();
    await expect(nurse).toHaveURL(/\/login\?password=set$/);
    await expect(nurse.getByRole("main").getByRole("status")).toHaveText("Your password is set. Sign in with it.");
    await signInThroughPage(nurse, email, "Ada's own secret words");
    await expect(nurse).toHaveURL(/\/nurse$/);

    // The link worked once.
    await nurse.goto(link);
    await expect(nurse.getByRole("main").getByRole("alert")).toContainText("This link has already been used.");
    await expect(nurse.getByLabel("New password")).toHaveCount(0);

    await page.getByRole("button", { name: "Deactivate Nurse Ada Newby…" }).click();
    await page
      .getByRole("group", { name: "Confirm deactivating Nurse Ada Newby" })
      .getByRole("button", { name: "Yes, deactivate" })
      .click();
    await expect(page.getByRole("button", { name: "Reactivate Nurse Ada Newby" })).toBeVisible();

    expect((await nurse.request.get("/api/v1/staff")).status()).toBe(401);
    await signInThroughPage(nurse, email, "Ada's own secret words");
    await expect(nurse.getByRole("main").getByRole("alert")).toHaveText("The email or password is not right.");
    await nurse.close();
  });

  test("a new set-password link, for a forgotten password, stops the older one, and works once (AC-2)", async ({
    browser,
    page,
  }) => {
    const admin = await apiAs("admin");
    const name = `Physio Forgetful ${Date.now()}`;
    const created = await send(admin, endpoints.createStaff, {
      body: { email: `physio.${Date.now()}@demo.clinic`, name, role: "physio" },
    });
    expect(created.status()).toBe(201);
    const older = (await created.json()).passwordLink.url as string;

    await signInThroughPage(page, emailOf("admin"));
    await page.getByRole("button", { name: `New set-password link for ${name}` }).click();
    await expect(page.getByRole("status").filter({ hasText: "older links no longer work" })).toBeVisible();
    const newer = await page.getByLabel(`Set-password link for ${name}`).inputValue();
    expect(newer).not.toBe(older);

    const owner = await browser.newPage();
    await owner.goto(older);
    await expect(owner.getByRole("main").getByRole("alert")).toContainText("A newer link was issued for this account");
    await owner.goto(newer);
    await expect(owner.getByLabel("New password")).toBeVisible();
    await owner.close();

    const token = new URL(newer).pathname.split("/").pop();
    const anonymous = await apiAs(null);
    const first = await send(anonymous, endpoints.setPassword, {
      body: { token: token!, password: "a physio's own password" },
    });
    expect(first.status()).toBe(200);
    const again = await send(anonymous, endpoints.setPassword, {
      body: { token: token!, password: "somebody else's password" },
    });
    expect(again.status()).toBe(422);
    expect((await again.json()).code).toBe("AC-2");
  });

  test("the administrator renames a colleague and changes their role on the page; their own row offers their name but not their role (AC-1)", async ({
    page,
  }) => {
    const admin = await apiAs("admin");
    const name = `Physio Renamed ${Date.now()}`;
    const created = await send(admin, endpoints.createStaff, {
      body: { email: `physio.renamed.${Date.now()}@demo.clinic`, name, role: "physio" },
    });
    expect(created.status()).toBe(201);

    await signInThroughPage(page, emailOf("admin"));
    await page.getByRole("button", { name: `Edit ${name}` }).click();
    const form = page.getByRole("form", { name: `Edit ${name}` });
    await form.getByLabel("Name").fill(`${name} Jones`);
    await form.getByLabel("Role").selectOption("nurse");
    await form.getByRole("button", { name: "Save" }).click();
    await expect(page.getByRole("status")).toHaveText(`Saved: ${name} Jones, Nurse.`);
    const row = page.getByRole("row").filter({ has: page.getByRole("cell", { name: `${name} Jones`, exact: true }) });
    await expect(row.getByRole("cell", { name: "Nurse", exact: true })).toBeVisible();

    await page.getByRole("button", { name: "Edit Kim Adeyemi" }).click();
    const own = page.getByRole("form", { name: "Edit Kim Adeyemi" });
    await expect(own.getByLabel("Name")).toHaveValue("Kim Adeyemi");
    await expect(own.getByLabel("Role")).toHaveCount(0);
    await expect(own).toContainText("Your own role is changed by another administrator.");
    await own.getByRole("button", { name: "Cancel" }).click();
    await expect(own).toHaveCount(0);
  });

  test("the administrator can neither change their own role nor deactivate their own account, and stays out of the clinical record (AC-1)", async () => {
    const admin = await apiAs("admin");
    const self = (await (await admin.get("/api/v1/staff?role=admin")).json()).items.find(
      (s: { name: string }) => s.name === "Kim Adeyemi",
    );
    const before = await newestAuditId(admin);
    const changes: BodyOf<typeof endpoints.updateStaff>[] = [
      { role: "surgeon" },
      { active: false },
      { role: "nurse", active: false },
    ];
    for (const data of changes) {
      const response = await send(admin, endpoints.updateStaff, { params: { id: self.id }, body: data });
      expect(response.status(), JSON.stringify(data)).toBe(422);
      expect((await response.json()).code).toBe("AC-1");
    }
    expect(await newestAuditId(admin)).toBe(before);
    const kase = (await (await (await apiAs("surgeon")).get("/api/v1/cases?limit=1")).json()).items[0];
    expect((await admin.get(`/api/v1/cases/${kase.id}`)).status()).toBe(403);
  });
});
