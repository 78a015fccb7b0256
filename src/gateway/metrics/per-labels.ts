// Nested maps rather than one joined key: a lookup allocates nothing, where building a key string
// per request would. The tables stay bounded because every label value is already folded to a
// bounded set (route templates, status codes, catalogue codes): one entry per series prom-client
// keeps anyway.

/** `make` memoised by one label value. */
export function perLabel<A, T>(make: (a: A) => T): (a: A) => T {
  const made = new Map<A, T>();
  return (a) => {
    let value = made.get(a);
    if (value === undefined) made.set(a, (value = make(a)));
    return value;
  };
}

/** `make` memoised by two label values. */
export function perLabels2<A, B, T>(make: (a: A, b: B) => T): (a: A, b: B) => T {
  const byA = new Map<A, (b: B) => T>();
  return (a, b) => {
    let byB = byA.get(a);
    if (byB === undefined) byA.set(a, (byB = perLabel((bb: B) => make(a, bb))));
    return byB(b);
  };
}

/** `make` memoised by three label values. */
export function perLabels3<A, B, C, T>(make: (a: A, b: B, c: C) => T): (a: A, b: B, c: C) => T {
  const byA = new Map<A, (b: B, c: C) => T>();
  return (a, b, c) => {
    let rest = byA.get(a);
    if (rest === undefined) byA.set(a, (rest = perLabels2((bb: B, cc: C) => make(a, bb, cc))));
    return rest(b, c);
  };
}
