// The peer: @recogito/text-annotator (the current Recogito text annotation
// library) painting the same text and annotations. It is given each
// annotation's DOM Range ready-made (built here with a per-paragraph index,
// and counted in its time), which spares it its own linear search from the
// start of the text for every annotation: the fastest way to load it.

import { createTextAnnotator, type TextAnnotation } from '@recogito/text-annotator';
import '@recogito/text-annotator/text-annotator.css';
import { CodePointIndex } from '../../../src/core/offsets';
import { loadAnnotations, loadDocument, paragraphs, ready } from './common';
import './style.css';

ready(async () => {
  const [document_, annotations, tags] = await Promise.all([
    loadDocument(),
    loadAnnotations(),
    fetch('/api/tags.list', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Scholia-Token': /token=([A-Za-z0-9_-]+)/.exec(location.hash)?.[1] ?? '' },
      body: '{}',
    }).then(async (r) => ((await r.json()) as { value: { id: string; name: string; color: string }[] }).value),
  ]);
  const text = document_.text;
  const container = document.getElementById('content')!;
  const ps = paragraphs(text);
  container.append(...ps);

  // UTF-16 start of each line, to find an offset's paragraph by binary search.
  const lineStarts: number[] = [0];
  for (const m of text.matchAll(/\r\n|\r|\n/g)) lineStarts.push(m.index + m[0].length);
  const lineOf = (u: number) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (lineStarts[mid]! <= u) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const index = new CodePointIndex(text);
  const colour = new Map(tags.map((t) => [t.id, t.color]));
  const tagOf = new Map<string, string>();
  const peerAnnotations: TextAnnotation[] = [];
  for (const a of annotations) {
    if (a.detached) continue;
    const from = index.toUtf16(a.start);
    const to = index.toUtf16(a.end);
    const line = lineOf(from);
    const node = ps[line]!.firstChild;
    if (!(node instanceof Text)) continue;
    const range = document.createRange();
    range.setStart(node, from - lineStarts[line]!);
    range.setEnd(node, Math.min(node.length, to - lineStarts[line]!));
    tagOf.set(a.id, a.tagIds[0] ?? '');
    peerAnnotations.push({
      id: a.id,
      bodies: a.tagIds.map((tagId, i) => ({ id: `${a.id}-${i}`, annotation: a.id, purpose: 'tagging', value: tagId })),
      target: { annotation: a.id, selector: [{ quote: a.quote, start: from, end: to, range }] },
    });
  }

  const annotator = createTextAnnotator(container, {
    style: (annotation) => ({ fill: (colour.get(tagOf.get(annotation.id) ?? '') ?? '#868e96') as `#${string}`, fillOpacity: 0.25 }),
  });
  const painted = new Promise<void>((resolve) => {
    const off = annotator.renderer.on('onRedraw', () => {
      if (container.querySelector('.r6o-annotation')) {
        off();
        resolve();
      }
    });
  });
  annotator.setAnnotations(peerAnnotations, true);
  await painted;
});
