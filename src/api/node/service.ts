// The api implemented over core and store. Inputs arrive validated (see
// dispatch.ts); each call that writes is one transaction.

import { randomUUID } from 'node:crypto';
import { decodeText } from '../../core/decode';
import { baseName, titleFromFileName } from '../../core/formats/documents';
import type { Annotation, EditOrigin } from '../../core/model';
import { addDismissal, listDismissals, removeDismissal } from '../../store/dismissals';
import { hasLoneSurrogate } from '../../core/offsets';
import { tagProblemMessage, tagProblems, type TagDraft } from '../../core/tags';
import { annotationExists, deleteAnnotation, getAnnotation, insertAnnotation, listAnnotations, updateAnnotation } from '../../store/annotations';
import { deleteDocument, getDocument, getDocumentSummary, hashDocument, insertDocument, listDocuments, renameDocument, type NewDocument } from '../../store/documents';
import { appendEdits, listEdits } from '../../store/edits';
import { quoteOf } from '../../store/quotes';
import { searchDocuments } from '../../store/search';
import { addTaxonomy } from '../../store/taxonomies';
import { countTagUsage, deleteTag, getTag, insertTag, listTags, updateTag } from '../../store/tags';
import type { Workspace } from '../../store/workspace';
import type { Method, Output, ParsedInput } from '../common/contract';
import { RequestError } from './errors';
import { exportFiles, importFiles } from './transfer';
import { buildReport, documentScorecard, insights, workspaceScorecard } from './reports';
import { reportFile } from '../../core/report-files';
import { getMqmSettings, setMqmSettings } from '../../store/reports';

/** Handlers that read files answer with a promise; the rest at once. */
export type Handlers = { [M in Method]: (input: ParsedInput<M>) => Output<M> | Promise<Output<M>> };

export interface ServiceContext {
  workspace: Workspace;
  /** Recorded on edits and annotations. */
  author: string;
  now?: () => string;
}

export function createService({ workspace, author, now = () => new Date().toISOString() }: ServiceContext): Handlers {
  const db = workspace.db;
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

  /** Refuses a tag that would break the workspace's tag rules (core/tags.ts); its parent must exist. */
  const checkTag = (draft: TagDraft): void => {
    if (draft.parentId !== null) getTag(db, draft.parentId);
    const [problem] = tagProblems(listTags(db), draft);
    if (problem) throw new RequestError('invalid_input', tagProblemMessage(problem));
  };

  return {
    'workspace.info': () => ({ path: workspace.path, schemaVersion: workspace.schemaVersion, documentCount: listDocuments(db).length }),

    'documents.list': () => listDocuments(db),
    'documents.get': ({ id }) => getDocument(db, id),
    'documents.importFile': ({ fileName, contentBase64 }) => {
      const decoded = decodeText(Buffer.from(contentBase64, 'base64'));
      const name = baseName(fileName);
      if (!decoded.ok) throw new RequestError('bad_file', `${name}: ${decoded.error.message}`);
      if (hasLoneSurrogate(decoded.text)) throw new RequestError('bad_file', `${name}: the text holds a lone surrogate`);
      return addDocument({ title: titleFromFileName(name), text: decoded.text, sourceName: name });
    },
    'documents.create': ({ title, text }) => {
      requireText(text, 'the text');
      return addDocument({ title, text });
    },
    'documents.rename': ({ id, title }) => tx(() => renameDocument(db, id, title, now())),
    'documents.delete': ({ id }) => {
      tx(() => deleteDocument(db, id));
      return { deleted: true };
    },

    'documents.search': ({ query, limit }) => searchDocuments(db, query, limit),

    'edits.list': ({ documentId }) => {
      getDocumentSummary(db, documentId);
      return listEdits(db, documentId);
    },
    'edits.apply': ({ documentId, baseEditCount, changes, origin }) => {
      for (const c of changes) requireText(c.inserted, 'the inserted text');
      const result = tx(() => appendEdits(db, documentId, baseEditCount, changes, origin as EditOrigin, author, now()));
      return { editCount: result.editCount, length: result.length, updatedAt: result.updatedAt };
    },

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
      return { annotationCount: countTagUsage(db, id) };
    },
    'tags.delete': ({ id }) =>
      tx(() => {
        const annotationCount = countTagUsage(db, id);
        deleteTag(db, id);
        return { deleted: true, annotationCount };
      }),

    'tags.addTaxonomy': ({ name }) => ({ added: tx(() => addTaxonomy(db, name, now())) }),

    'annotations.list': ({ documentId }) => {
      getDocumentSummary(db, documentId);
      return listAnnotations(db, documentId);
    },
    'annotations.create': (input) =>
      tx(() => {
        // An id is given when undo restores a deleted annotation: it must still be free.
        if (input.id !== undefined && annotationExists(db, input.id)) {
          throw new RequestError('conflict', `an annotation with id ${input.id} already exists`);
        }
        checkTags(input.tagIds);
        const time = now();
        const annotation: Annotation = {
          id: input.id ?? randomUUID(),
          documentId: input.documentId,
          start: input.start,
          end: input.end,
          quote: quoteAt(input.documentId, input.start, input.end),
          tagIds: input.tagIds,
          note: input.note,
          attributes: input.attributes,
          author,
          createdAt: input.createdAt ?? time,
          updatedAt: time,
          detached: false,
        };
        insertAnnotation(db, annotation);
        return getAnnotation(db, annotation.id);
      }),
    'annotations.update': ({ id, tagIds, note, attributes, range, detach }) =>
      tx(() => {
        const current = getAnnotation(db, id);
        if (tagIds) checkTags(tagIds);
        if (range && detach) throw new RequestError('invalid_input', 'an annotation cannot be moved and detached at once');
        const moved = range
          ? { ...range, quote: quoteAt(current.documentId, range.start, range.end), detached: false }
          : detach
            ? { start: current.start, end: current.start, detached: true }
            : {};
        updateAnnotation(db, id, { ...moved, ...(tagIds && { tagIds }), ...(note !== undefined && { note }), ...(attributes && { attributes }) }, now());
        return getAnnotation(db, id);
      }),
    'annotations.delete': ({ id }) => {
      tx(() => deleteAnnotation(db, id));
      return { deleted: true };
    },

    'transfer.export': ({ documentIds, all, format }) => exportFiles(workspace, all ? 'all' : (documentIds ?? []), format, now()),
    'transfer.import': ({ files, format, documentId }) =>
      importFiles(workspace, files.map((f) => ({ name: f.name, bytes: Buffer.from(f.contentBase64, 'base64') })), { format, documentId, author, now: now() }),

    'reports.scorecard': ({ documentId }) => documentScorecard(db, documentId),
    'reports.workspace': (filter) => workspaceScorecard(db, filter),
    'reports.insights': (filter) => insights(db, filter),
    'reports.export': ({ documentIds, all, format }) => reportFile(buildReport(db, all ? 'all' : (documentIds ?? []), now()), format),
    'settings.mqm.get': () => getMqmSettings(db),
    'settings.mqm.set': (settings) => tx(() => setMqmSettings(db, settings)),
  };
}
