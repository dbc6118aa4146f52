import { endpoints } from "@/lib/http/endpoints";
import { handle } from "@/lib/http/handler";
import { recoveryBoard } from "@/lib/services/recovery-board";

export const dynamic = "force-dynamic";
export const GET = handle(endpoints.recoveryBoard, ({ actor }) => recoveryBoard(actor));
