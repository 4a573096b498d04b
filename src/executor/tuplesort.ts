/**
 * Sorting rows the way Postgres's in-memory tuplesort does, so rows that compare equal come out
 * in Postgres's order, not in input order: a stable sort (JavaScript's) keeps ties in input
 * order, Postgres's quicksort does not, and applications see the difference whenever they order
 * by a column with duplicates (`ORDER BY created_at`, DISTINCT ON picking a row of each group,
 * `row_number() OVER (ORDER BY score)`).
 *
 * - `pgQsort`: Postgres's quicksort (Bentley & McIlroy's, as src/include/lib/sort_template.h
 *   has it): insertion sort below 7 elements, a pass that returns at once when the input is
 *   already in order, median-of-three pivots (ninther above 40 elements), three-way partitioning
 *   with the pivot's equals swapped to the ends and back, recursion on the smaller side.
 * - `pgBoundedSort`: a sort under LIMIT (tuplesort_set_bound): once more than twice the bound
 *   have arrived, the rows so far are turned into a heap of the bound smallest (largest at the
 *   root, the comparison reversed), each later row either replaces the root or is dropped, and
 *   the heap is finally taken apart into order (make_bounded_heap, tuplesort_heap_replace_top,
 *   sort_bounded_heap in src/backend/utils/sort/tuplesort.c). Below that count it is `pgQsort`.
 *
 * Postgres switches to an external merge sort past work_mem; fauxgres always sorts in memory, so
 * the order of equal rows can differ from Postgres's for sorts that large.
 */

type Cmp<T> = (a: T, b: T) => number;

/** Sorts `a` in place with Postgres's quicksort (see the file header) and returns it. */
export function pgQsort<T>(a: T[], cmp: Cmp<T>): T[] {
  if (a.length > 1) sortRange(a, 0, a.length, cmp);
  return a;
}

function swap<T>(a: T[], i: number, j: number): void {
  const t = a[i];
  a[i] = a[j];
  a[j] = t;
}

/** Swaps the `n` elements from `i` with the `n` from `j`, pairwise in ascending order. */
function swapN<T>(a: T[], i: number, j: number, n: number): void {
  for (let k = 0; k < n; k++) swap(a, i + k, j + k);
}

function med3<T>(a: T[], i: number, j: number, k: number, cmp: Cmp<T>): number {
  return cmp(a[i], a[j]) < 0 ? (cmp(a[j], a[k]) < 0 ? j : cmp(a[i], a[k]) < 0 ? k : i) : cmp(a[j], a[k]) > 0 ? j : cmp(a[i], a[k]) < 0 ? i : k;
}

/** Sorts the `n` elements of `a` from `lo`. */
function sortRange<T>(a: T[], lo: number, n: number, cmp: Cmp<T>): void {
  for (;;) {
    if (n < 7) {
      for (let m = lo + 1; m < lo + n; m++) for (let l = m; l > lo && cmp(a[l - 1], a[l]) > 0; l--) swap(a, l, l - 1);
      return;
    }
    let presorted = true;
    for (let m = lo + 1; m < lo + n; m++) {
      if (cmp(a[m - 1], a[m]) > 0) {
        presorted = false;
        break;
      }
    }
    if (presorted) return;
    let pm = lo + Math.floor(n / 2);
    if (n > 7) {
      let pl = lo;
      let pn = lo + n - 1;
      if (n > 40) {
        const d = Math.floor(n / 8);
        pl = med3(a, pl, pl + d, pl + 2 * d, cmp);
        pm = med3(a, pm - d, pm, pm + d, cmp);
        pn = med3(a, pn - 2 * d, pn - d, pn, cmp);
      }
      pm = med3(a, pl, pm, pn, cmp);
    }
    swap(a, lo, pm);
    // a[lo] is the pivot; equals collect at [lo+1, pa) and (pd, end), smaller at [pa, pb), larger at (pc, pd].
    let pa = lo + 1;
    let pb = pa;
    let pc = lo + n - 1;
    let pd = pc;
    for (;;) {
      let r: number;
      while (pb <= pc && (r = cmp(a[pb], a[lo])) <= 0) {
        if (r === 0) swap(a, pa++, pb);
        pb++;
      }
      while (pb <= pc && (r = cmp(a[pc], a[lo])) >= 0) {
        if (r === 0) swap(a, pc, pd--);
        pc--;
      }
      if (pb > pc) break;
      swap(a, pb++, pc--);
    }
    const end = lo + n;
    let d1 = Math.min(pa - lo, pb - pa);
    swapN(a, lo, pb - d1, d1);
    d1 = Math.min(pd - pc, end - pd - 1);
    swapN(a, pb, end - d1, d1);
    d1 = pb - pa;
    const d2 = pd - pc;
    if (d1 <= d2) {
      if (d1 > 1) sortRange(a, lo, d1, cmp);
      if (d2 <= 1) return;
      lo = end - d2;
      n = d2;
    } else {
      if (d2 > 1) sortRange(a, end - d2, d2, cmp);
      if (d1 <= 1) return;
      n = d1;
    }
  }
}

/**
 * The first `bound` rows of `rows` (in arrival order) in sorted order, chosen and ordered as
 * Postgres's bounded sort does (see the file header). `rows` may be reordered.
 */
export function pgBoundedSort<T>(rows: T[], bound: number, cmp: Cmp<T>): T[] {
  // Postgres checks after each arriving row whether the count passed twice the bound; the
  // rows up to that point are heaped in arrival order, later ones pass the root one by one.
  if (bound <= 0 || rows.length <= bound * 2) return pgQsort(rows, cmp).slice(0, Math.max(bound, 0));
  const rev: Cmp<T> = (x, y) => -cmp(x, y);
  const heap: T[] = [];
  const offer = (t: T): void => {
    if (heap.length < bound) heapInsert(heap, t, rev);
    else if (rev(t, heap[0]) > 0) replaceTop(heap, heap.length, t, rev);
  };
  for (const t of rows) offer(t);
  // Take the heap apart: the root (largest) goes to the slot freed at the end.
  for (let n = heap.length; n > 1; ) {
    const top = heap[0];
    n--;
    replaceTop(heap, n, heap[n], rev);
    heap[n] = top;
  }
  return heap;
}

function heapInsert<T>(heap: T[], t: T, cmp: Cmp<T>): void {
  let j = heap.length;
  heap.push(t);
  while (j > 0) {
    const i = (j - 1) >> 1;
    if (cmp(t, heap[i]) >= 0) break;
    heap[j] = heap[i];
    j = i;
  }
  heap[j] = t;
}

/** Puts `t` at the root of the heap `heap[0..n)` and sifts it down. */
function replaceTop<T>(heap: T[], n: number, t: T, cmp: Cmp<T>): void {
  let i = 0;
  for (;;) {
    let j = 2 * i + 1;
    if (j >= n) break;
    if (j + 1 < n && cmp(heap[j], heap[j + 1]) > 0) j++;
    if (cmp(t, heap[j]) <= 0) break;
    heap[i] = heap[j];
    i = j;
  }
  heap[i] = t;
}
