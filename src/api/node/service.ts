// The api implemented over core and store. Inputs arrive validated (see
// dispatch.ts); each call that writes is one transaction.

import { randomUUID } from 'node:crypto';
import { decodeText } from '../../core/decode';
import { baseName } from '../../core/formats/documents';
import { LIMITS } from '../../core/limits';
import type { Annotation, EditOrigin } from '../../core/model';
import { addDismissal, listDismissals, removeDismissal } from '../../store/dismissals';
import { hasLoneSurrogate } from '../../core/offsets';
import { tagProblemMessage, tagProblems, type TagDraft } from '../../core/tags';
import { applyPatch } from '../../core/annotation-patch';
import { listAnnotationColumns } from '../../store/annotation-columns';
import { annotationExists, deleteAnnotation, getAnnotation, insertAnnotation, listAnnotations, writeAnnotation } from '../../store/annotations';
import { deleteDocument, getCurrentDocument, getDocument, getDocumentSummary, hashDocument, insertDocument, listDocuments, renameDocument, setDocumentStatus, touchDocument, type NewDocument } from '../../store/documents';
import { readSettings, writeSettings } from '../../store/settings';
import { addRejection, removeRejection, annotatedTerms, listRejections } from '../../store/suggestions';
import { titleForImport } from '../../core/titles';
import { appendEdits, listEdits, rangeOnCurrentText } from '../../store/edits';
import { quoteOf } from '../../store/quotes';
import { searchDocuments } from '../../store/search';
import { addTaxonomy } from '../../store/taxonomies';
import { countTagUsage, deleteTag, getTag, insertTag, listTags, subtreeHeight, updateTag } from '../../store/tags';
import { countRelationTypeUsage, deleteRelation, deleteRelationType, getRelation, getRelationType, insertRelation, insertRelationType, listRelations, listRelationTypes, updateRelation, updateRelationType } from '../../store/relations';
import { relationTypeProblemMessage, relationTypeProblems, type RelationType } from '../../core/relations';
import type { Workspace } from '../../store/workspace';
import { type Method, type Output, type ParsedInput } from '../common/contract';
import { createBilingualHandlers, sourceSpan, spanOf } from './bilingual';
import { RequestError } from './errors';
import { createTransfers, type Transfers } from './transfer-tasks';
import { buildReport, documentScorecard, insights, workspaceScorecard } from './reports';
import { reportFile } from '../../core/report-files';
import { getMqmSettings, setMqmSettings } from '../../store/reports';

/** Handlers that read files answer with a promise; the rest at once. */
export type Handlers = { [M in Method]: (input: ParsedInput<M>) => Output<M> | Promise<Output<M>> };

export interface ServiceContext {
  workspace: Workspace;
  /** Recorded on edits and annotations unless the workspace's settings name an author. */
  author: string;
  now?: () => string;
  /** Where imports and exports run (default: in the calling thread). */
  transfers?: Transfers;
}

export function createService({ workspace, author: systemAuthor, now = () => new Date().toISOString(), transfers = createTransfers(workspace) }: ServiceContext): Handlers {
  const db = workspace.db;
  // Read at each write: a name set in the settings counts from the next edit on.
  const author = (): string => readSettings(db).authorName || systemAuthor;
  const tx = <T>(fn: () => T): T => workspace.transaction(fn);

  const requireText = (text: string, what: string): void => {
    if (hasLoneSurrogate(text)) throw new RequestError('invalid_input', `${what} holds a lone surrogate, which is not text`);
    if (text.includes('\u0000')) throw new RequestError('invalid_input', `${what} holds a NUL character, which is not text`);
  };

  /** Hashed first (asynchronously), then written in one transaction. */
  const addDocument = async (document: NewDocument) => {
    const hashed = await hashDocument(document);
    return tx(() => insertDocument(db, hashed, now()));
  };

  const checkTags = (tagIds: readonly string[]): void => {
    for (const tagId of tagIds) getTag(db, tagId);
  };

  const quoteAt = (documentId: string, start: number, end: number): string => {
    const { quote, length } = quoteOf(db, documentId, start, end);
    if (end > length) throw new RequestError('invalid_input', `range [${start}, ${end}) is outside the document (length ${length})`);
    return quote;
  };

  /** A range given on the text of `baseEditCount` edits, on the current text (store/edits: mapped through the edits since, or a conflict). */
  const rangeNow = (documentId: string, baseEditCount: number, range: { start: number; end: number }) => {
    const placed = rangeOnCurrentText(db, documentId, baseEditCount, { start: range.start, end: range.end });
    if (!placed.ok) throw new RequestError('invalid_input', `range [${range.start}, ${range.end}) is outside the document (length ${placed.length})`);
    return placed.range;
  };

  /** Refuses a tag that would break the workspace's tag rules (core/tags.ts) or go deeper than the limit; its parent must exist. */
  const checkTag = (draft: TagDraft): void => {
    if (draft.parentId !== null) getTag(db, draft.parentId);
    const [problem] = tagProblems(listTags(db), draft);
    if (problem) throw new RequestError('invalid_input', tagProblemMessage(problem));
    if (draft.parentId !== null) {
      let depth = 1;
      for (let p: string | null = draft.parentId; p !== null; p = getTag(db, p).parentId) depth++;
      const below = draft.id === null ? 0 : subtreeHeight(db, draft.id) - 1;
      if (depth + below > LIMITS.tagDepth) throw new RequestError('invalid_input', `tags go at most ${LIMITS.tagDepth} levels deep`);
    }
  };

  /** Refuses a relation type whose name or key another has, or whose allowed tags do not exist; answers it as given. */
  const checkRelationType = (type: RelationType): RelationType => {
    for (const tagId of [...(type.sourceTagIds ?? []), ...(type.targetTagIds ?? [])]) getTag(db, tagId);
    const [problem] = relationTypeProblems(listRelationTypes(db), type);
    if (problem) throw new RequestError('invalid_input', relationTypeProblemMessage(problem));
    return type;
  };

  return {
    'workspace.info': () => ({ path: workspace.path, schemaVersion: workspace.schemaVersion, documentCount: listDocuments(db).length }),

    'documents.list': () => listDocuments(db),
    'documents.get': ({ id }) => getDocument(db, id),
    'documents.current': ({ id }) => getCurrentDocument(db, id),
    'documents.importFile': ({ fileName, contentBase64 }) => {
      const decoded = decodeText(Buffer.from(contentBase64, 'base64'));
      const name = baseName(fileName);
      if (!decoded.ok) throw new RequestError('bad_file', `${name}: ${decoded.error.message}`);
      if (hasLoneSurrogate(decoded.text)) throw new RequestError('bad_file', `${name}: the text holds a lone surrogate`);
      return addDocument({ title: titleForImport(name, decoded.text), text: decoded.text, sourceName: name });
    },
    'documents.create': ({ title, text }) => {
      requireText(text, 'the text');
      return addDocument({ title, text });
    },
    'documents.rename': ({ id, title }) => tx(() => renameDocument(db, id, title, now())),
    'documents.setStatus': ({ id, status }) => tx(() => setDocumentStatus(db, id, status, now())),
    'documents.delete': ({ id }) => {
      tx(() => deleteDocument(db, id));
      return { deleted: true };
    },

    'documents.search': ({ query, limit, foldDiacritics }) => searchDocuments(db, query, { limit, foldDiacritics }),

    'edits.list': ({ documentId }) => {
      getDocumentSummary(db, documentId);
      return listEdits(db, documentId);
    },
    'edits.apply': ({ documentId, baseEditCount, changes, origin }) => {
      for (const c of changes) requireText(c.inserted, 'the inserted text');
      const result = tx(() => appendEdits(db, documentId, baseEditCount, changes, origin as EditOrigin, author(), now()));
      return { editCount: result.editCount, length: result.length, updatedAt: result.updatedAt };
    },

    'settings.get': () => readSettings(db),
    'settings.update': (changes) => tx(() => writeSettings(db, changes)),

    'findings.dismissals': ({ documentId }) => {
      getDocumentSummary(db, documentId);
      return listDismissals(db, documentId);
    },
    'findings.dismiss': ({ documentId, dismissal }) => {
      tx(() => {
        getDocumentSummary(db, documentId);
        addDismissal(db, documentId, dismissal, now());
      });
      return { dismissed: true };
    },
    'findings.restore': ({ documentId, dismissal }) => ({ restored: tx(() => removeDismissal(db, documentId, dismissal)) }),

    'tags.list': () => listTags(db),
    'tags.create': (input) =>
      tx(() => {
        checkTag({ id: null, name: input.name, parentId: input.parentId, key: input.key });
        return insertTag(db, input, now());
      }),
    'tags.update': ({ id, ...changes }) =>
      tx(() => {
        const current = getTag(db, id);
        const next = { ...current, ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) };
        checkTag({ id, name: next.name, parentId: next.parentId, key: next.key });
        return updateTag(db, id, next);
      }),
    'tags.usage': ({ id }) => {
      getTag(db, id);
      const { annotationCount, tagCount } = countTagUsage(db, id);
      return { annotationCount, tagCount };
    },
    'tags.delete': ({ id }) =>
      tx(() => {
        const { annotationCount, tagCount } = countTagUsage(db, id);
        deleteTag(db, id);
        return { deleted: true, annotationCount, tagCount };
      }),

    'tags.addTaxonomy': ({ name }) => ({ added: tx(() => addTaxonomy(db, name, now())) }),

    'annotations.list': ({ documentId }) => {
      getDocumentSummary(db, documentId);
      return listAnnotations(db, documentId);
    },
    'annotations.columns': ({ documentId }) => {
      getDocumentSummary(db, documentId);
      return listAnnotationColumns(db, documentId);
    },
    'annotations.create': (input) =>
      tx(() => {
        // An id is given when undo restores a deleted annotation: it must still be free.
        if (input.id !== undefined && annotationExists(db, input.id)) {
          throw new RequestError('conflict', `an annotation with id ${input.id} already exists`);
        }
        checkTags(input.tagIds);
        // The source never changes: its ranges need no mapping through the edits.
        const textRange = () => {
          const { start, end } = rangeNow(input.documentId, input.baseEditCount, input);
          return { start, end, quote: quoteAt(input.documentId, start, end) };
        };
        const { start, end, quote } = input.side === 'source' ? sourceSpan(db, input.documentId, input) : textRange();
        const time = now();
        const annotation: Annotation = {
          id: input.id ?? randomUUID(),
          documentId: input.documentId,
          start,
          end,
          quote,
          tagIds: input.tagIds,
          note: input.note,
          attributes: input.attributes,
          author: author(),
          createdAt: input.createdAt ?? time,
          updatedAt: time,
          detached: false,
          ...(input.side === 'source' && { side: 'source' as const }),
          ...(input.sourceRange && { sourceRange: spanOf(sourceSpan(db, input.documentId, input.sourceRange)) }),
          ...(input.origin && { origin: input.origin }),
        };
        insertAnnotation(db, annotation);
        touchDocument(db, annotation.documentId, time);
        return getAnnotation(db, annotation.id);
      }),
    'annotations.update': ({ id, range, baseEditCount, detach, sourceRange, ...patch }) =>
      tx(() => {
        const current = getAnnotation(db, id);
        if (patch.addTagIds) checkTags(patch.addTagIds);
        if (range && detach) throw new RequestError('invalid_input', 'an annotation cannot be moved and detached at once');
        const patched = applyPatch(current, patch);
        if (!patched.ok) throw new RequestError('conflict', 'the note was changed in another window since it was opened here; reload it to see both');
        if (patched.fields.tagIds.length > LIMITS.tagsPerAnnotation) throw new RequestError('invalid_input', `an annotation has at most ${LIMITS.tagsPerAnnotation} tags`);
        if (Object.keys(patched.fields.attributes).length > LIMITS.attributeCount) throw new RequestError('invalid_input', `an annotation has at most ${LIMITS.attributeCount} attributes`);
        let place: Pick<Annotation, 'start' | 'end' | 'quote' | 'detached' | 'sourceRange'> = current;
        if (current.side === 'source' && (detach || sourceRange !== undefined)) throw new RequestError('invalid_input', 'an annotation of the source is neither detached nor given a source range');
        if (sourceRange !== undefined) place = { ...place, sourceRange: sourceRange === null ? undefined : spanOf(sourceSpan(db, current.documentId, sourceRange)) };
        if (range && current.side === 'source') {
          const { start, end, quote } = sourceSpan(db, current.documentId, range);
          place = { ...place, start, end, quote };
        } else if (range && baseEditCount !== undefined) {
          const { start, end } = rangeNow(current.documentId, baseEditCount, range);
          place = { ...place, start, end, quote: quoteAt(current.documentId, start, end), detached: false };
        } else if (detach) {
          place = { ...current, end: current.start, detached: true };
        }
        const time = now();
        writeAnnotation(db, { ...current, ...place, ...patched.fields }, time);
        touchDocument(db, current.documentId, time);
        return getAnnotation(db, id);
      }),
    'annotations.delete': ({ id }) => {
      tx(() => {
        const { documentId } = getAnnotation(db, id);
        deleteAnnotation(db, id);
        touchDocument(db, documentId, now());
      });
      return { deleted: true };
    },
    'annotations.createMany': ({ items, tagIds, note, attributes, createdAt, origin }) =>
      tx(() => {
        checkTags(tagIds);
        const time = now();
        const created = items.map(({ id, documentId, baseEditCount, origin: own, ...given }) => {
          if (id !== undefined && annotationExists(db, id)) throw new RequestError('conflict', `an annotation with id ${id} already exists`);
          // Each range was found on the text of `baseEditCount` edits: placed on today's text or refused.
          const { start, end } = rangeNow(documentId, baseEditCount, given);
          const annotation: Annotation = {
            id: id ?? randomUUID(),
            documentId,
            start,
            end,
            quote: quoteAt(documentId, start, end),
            tagIds,
            note,
            attributes,
            author: author(),
            createdAt: createdAt ?? time,
            updatedAt: time,
            detached: false,
            ...((own ?? origin) && { origin: own ?? origin }),
          };
          insertAnnotation(db, annotation);
          return getAnnotation(db, annotation.id);
        });
        for (const documentId of new Set(items.map((i) => i.documentId))) touchDocument(db, documentId, time);
        return created;
      }),
    'annotations.deleteMany': ({ ids }) =>
      tx(() => {
        const documentIds = new Set(ids.map((id) => getAnnotation(db, id).documentId));
        for (const id of new Set(ids)) deleteAnnotation(db, id);
        const time = now();
        for (const documentId of documentIds) touchDocument(db, documentId, time);
        return { deleted: new Set(ids).size };
      }),

    'suggestions.context': () => ({ dictionary: annotatedTerms(db), rejections: listRejections(db) }),
    'suggestions.reject': ({ tagId, quote }) => {
      tx(() => {
        getTag(db, tagId);
        addRejection(db, { tagId, quote }, now());
      });
      return { rejected: true };
    },
    'suggestions.unreject': ({ tagId, quote }) => ({ forgotten: tx(() => removeRejection(db, { tagId, quote })) }),

    'relationTypes.list': () => listRelationTypes(db),
    'relationTypes.create': (input) => tx(() => insertRelationType(db, checkRelationType({ id: randomUUID(), ...input }), now())),
    'relationTypes.update': ({ id, ...changes }) =>
      tx(() => updateRelationType(db, checkRelationType({ ...getRelationType(db, id), ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) }))),
    'relationTypes.usage': ({ id }) => {
      getRelationType(db, id);
      return { relationCount: countRelationTypeUsage(db, id) };
    },
    'relationTypes.delete': ({ id }) => ({ deleted: true, relationCount: tx(() => deleteRelationType(db, id)) }),
    'relations.list': ({ documentId }) => {
      getDocumentSummary(db, documentId);
      return listRelations(db, documentId);
    },
    'relations.create': (input) =>
      tx(() => {
        getDocumentSummary(db, input.documentId);
        if (input.id !== undefined && db.prepare('SELECT 1 FROM relations WHERE id = ?').get(input.id) !== undefined) {
          throw new RequestError('conflict', `a relation with id ${input.id} already exists`);
        }
        const time = now();
        return insertRelation(db, {
          id: input.id ?? randomUUID(),
          documentId: input.documentId,
          sourceId: input.sourceId,
          targetId: input.targetId,
          typeId: input.typeId,
          note: input.note,
          attributes: input.attributes,
          author: author(),
          createdAt: input.createdAt ?? time,
          updatedAt: time,
        });
      }),
    'relations.update': ({ id, ...changes }) => tx(() => updateRelation(db, id, changes, now())),
    'relations.delete': ({ id }) => {
      tx(() => {
        getRelation(db, id);
        deleteRelation(db, id);
      });
      return { deleted: true };
    },

    ...createBilingualHandlers(db, tx, now),

    'transfer.export': ({ documentIds, all, format, taskId }) => transfers.run({ kind: 'export', documentIds: all ? 'all' : (documentIds ?? []), format, exportedAt: now() }, taskId),
    'transfer.import': ({ files, format, documentId, taskId }) =>
      transfers.run(
        { kind: 'import', files: files.map((f) => ({ name: f.name, bytes: Buffer.from(f.contentBase64, 'base64') })), request: { format, documentId, author: author(), now: now() } },
        taskId,
      ),
    'transfer.progress': ({ taskId }) => transfers.progress(taskId),
    'transfer.cancel': ({ taskId }) => ({ cancelled: transfers.cancel(taskId) }),

    'reports.scorecard': ({ documentId, wordsFrom }) => documentScorecard(db, documentId, wordsFrom),
    'reports.workspace': ({ wordsFrom, ...filter }) => workspaceScorecard(db, filter, wordsFrom),
    'reports.insights': (filter) => insights(db, filter),
    'reports.export': ({ documentIds, all, format, wordsFrom }) => reportFile(buildReport(db, all ? 'all' : (documentIds ?? []), now(), wordsFrom), format),
    'settings.mqm.get': () => getMqmSettings(db),
    'settings.mqm.set': (settings) => tx(() => setMqmSettings(db, settings)),
  };
}
