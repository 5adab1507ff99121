import {
  HttpHeaderModifierInfo,
  HttpRouteFilterInfo,
  HttpRouteMatchInfo,
  ParentRefInfo,
} from '@internal/plugin-cilium-common';

/** `GET PathPrefix /api, header x-canary=true, query v=2`. */
export function describeMatch(m: HttpRouteMatchInfo): string {
  const parts: string[] = [];
  if (m.method) parts.push(m.method);
  if (m.path) parts.push(`${m.path.type} ${m.path.value}`);
  for (const h of m.headers ?? []) {
    parts.push(
      `header ${h.name}${h.type === 'RegularExpression' ? ' ~ ' : '='}${
        h.value
      }`,
    );
  }
  for (const q of m.queryParams ?? []) {
    parts.push(
      `query ${q.name}${q.type === 'RegularExpression' ? ' ~ ' : '='}${
        q.value
      }`,
    );
  }
  return parts.length > 0 ? parts.join(', ') : 'PathPrefix / (default)';
}

function describeModifier(m: HttpHeaderModifierInfo): string[] {
  return [
    ...(m.add ?? []).map(h => `add ${h.name}: ${h.value}`),
    ...(m.set ?? []).map(h => `set ${h.name}: ${h.value}`),
    ...(m.remove ?? []).map(h => `remove ${h}`),
  ];
}

/** Each filter as a line a human reads, header modifiers spelled out. */
export function describeFilter(f: HttpRouteFilterInfo): string[] {
  switch (f.type) {
    case 'RequestHeaderModifier':
      return describeModifier(f.requestHeaderModifier ?? {}).map(
        s => `request: ${s}`,
      );
    case 'ResponseHeaderModifier':
      return describeModifier(f.responseHeaderModifier ?? {}).map(
        s => `response: ${s}`,
      );
    case 'RequestRedirect': {
      const r = f.requestRedirect ?? {};
      const target = [
        r.scheme && `${r.scheme}://`,
        r.hostname,
        r.port && `:${r.port}`,
        r.path && `${r.path.value} (${r.path.type})`,
      ]
        .filter(Boolean)
        .join('');
      return [`redirect ${r.statusCode ?? 302} to ${target || 'same URL'}`];
    }
    case 'URLRewrite': {
      const u = f.urlRewrite ?? {};
      const parts = [
        u.hostname && `host ${u.hostname}`,
        u.path && `path ${u.path.value} (${u.path.type})`,
      ].filter(Boolean);
      return [`rewrite ${parts.join(', ') || 'nothing'}`];
    }
    case 'RequestMirror': {
      const b = f.requestMirror?.backendRef;
      return [
        `mirror to ${
          b
            ? `${b.namespace ? `${b.namespace}/` : ''}${b.name}${
                b.port ? `:${b.port}` : ''
              }`
            : 'unknown'
        }`,
      ];
    }
    default:
      return [f.type];
  }
}

export function describeParent(
  p: ParentRefInfo,
  routeNamespace: string,
): string {
  const kind = p.kind && p.kind !== 'Gateway' ? `${p.kind} ` : '';
  const section = p.sectionName ? `/${p.sectionName}` : '';
  const port = p.port ? `:${p.port}` : '';
  return `${kind}${p.namespace ?? routeNamespace}/${p.name}${section}${port}`;
}
