// What the confirm dialog says deleting a tag removes: counted over the whole
// subtree by the store (tags.usage), so the dialog never says less than goes.

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function deleteTagMessage(annotationCount: number, tagCount: number): string {
  const under = tagCount - 1;
  const tags = under === 0 ? 'This tag is deleted' : `This tag and the ${plural(under, 'tag', 'tags')} under it are deleted`;
  const annotations =
    annotationCount === 0
      ? 'no annotation uses them.'
      : `${plural(annotationCount, 'annotation loses', 'annotations lose')} ${under === 0 ? 'it' : 'them'}; the annotations stay.`;
  return `${tags} (${plural(tagCount, 'tag', 'tags')} in all); ${annotations}`;
}

/** What the confirm dialog says deleting a relation type in use removes. */
export function deleteRelationTypeMessage(relationCount: number): string {
  return `${plural(relationCount, 'relation is', 'relations are')} of this type, in all documents; ${relationCount === 1 ? 'it is' : 'they are'} deleted with it.`;
}
