import { endpoints } from "@/lib/http/endpoints";
import { handle } from "@/lib/http/handler";
import { csvDownload } from "@/lib/http/csv";
import { exportWaitingList, waitingListColumns } from "@/lib/services/waiting-list";

export const dynamic = "force-dynamic";
export const GET = handle(endpoints.exportWaitingList, ({ actor, query }) =>
  csvDownload(waitingListColumns, exportWaitingList(actor, query), "waiting-list.csv"),
);
