/**
 * Values a manifest template carries until a school fills in its own: documentation domains
 * (RFC 2606 reserves example.org/.com/.net), TODO notes and the all-zero GUID. Teams accepts
 * them, so without this check a package would go out naming nobody's privacy page.
 */
const EXAMPLE_HOST = /^(?:[a-z0-9-]+\.)*example\.(?:org|com|net)$/i;
const ZERO_GUID = /\b0{8}-0{4}-0{4}-0{4}-0{12}\b/;
const TODO = /\bTODO\b/;

/** Every placeholder in the manifest, as "path: what to do" lines. */
export function findPlaceholders(value: unknown, path = ''): string[] {
  if (typeof value === 'string') {
    const problem = placeholderIn(value);
    return problem ? [`manifest.json ${path || '(root)'}: ${problem}`] : [];
  }
  if (Array.isArray(value)) return value.flatMap((item, index) => findPlaceholders(item, join(path, index)));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => findPlaceholders(item, join(path, key)));
  }
  return [];
}

function placeholderIn(text: string): string | null {
  const host = hostOf(text);
  if (host && EXAMPLE_HOST.test(host)) {
    return `"${text}" is a placeholder; put your school's own address in manifests/teams/manifest.json.`;
  }
  if (ZERO_GUID.test(text)) return `"${text}" is the all-zero placeholder id; use a real GUID.`;
  if (TODO.test(text)) return `"${text}" still says TODO; fill it in.`;
  return null;
}

/** The host of a URL, or the text itself when it is a bare (possibly wildcard) domain. */
function hostOf(text: string): string | null {
  if (/^https?:\/\//i.test(text)) {
    try {
      return new URL(text).hostname;
    } catch {
      return null;
    }
  }
  return /^[*a-z0-9.-]+$/i.test(text) ? text.replace(/^\*\./, '') : null;
}

function join(path: string, key: string | number): string {
  return path ? `${path}.${key}` : String(key);
}

/**
 * `--domain` goes into `validDomains`, which holds host names only: Teams refuses the upload of
 * a package with `https://` or a path there, so say so before packaging.
 */
const HOST_NAME = /^(?:\*\.)?(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/i;

export function checkDomain(domain: string): string | null {
  if (HOST_NAME.test(domain) && domain.length <= 253) return null;
  const host = /^[a-z]+:\/\/([^/?#:]+)/i.exec(domain)?.[1];
  const hint = host ? ` Use --domain ${host} (no https://, no port and no path).` : '';
  return `--domain "${domain}" is not a host name such as stage.school.nl.${hint}`;
}
