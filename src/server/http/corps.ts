/**
 * The posted form, parsed once per request: the middleware's readability
 * check, the staff CSRF guard and the handler share one parse (issue 20).
 * Parsed from a clone, so that the body stays readable for anything that
 * copies the request (an Astro rewrite). Rejects as `Request.formData()` does.
 */
const lus = new WeakMap<Request, Promise<FormData>>();

export function formulaireDe(request: Request): Promise<FormData> {
  let p = lus.get(request);
  if (!p) {
    p = request.clone().formData();
    lus.set(request, p);
  }
  return p;
}
