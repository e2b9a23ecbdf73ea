import type { Migration } from './migration';
import { initial } from './001-initial';
import { search } from './002-search';
import { statusAndSettings } from './003-status-and-settings';
import { relations } from './004-relations';
import { bilingual } from './005-bilingual';
import { mqmSettings } from './006-mqm-settings';
import { textFacts } from './007-text-facts';
import { sourceAnnotations } from './008-source-annotations';
import { suggestions } from './009-suggestions';
import { textChunks } from './010-text-chunks';
import { annotationAnchors } from './011-annotation-anchors';
import { alignmentPieces } from './012-alignment-pieces';
import { annotationTagLists } from './013-annotation-tag-lists';

/** Every migration, in order; the last one's version is the schema version. */
export const migrations: readonly Migration[] = [initial, search, statusAndSettings, relations, bilingual, mqmSettings, textFacts, sourceAnnotations, suggestions, textChunks, annotationAnchors, alignmentPieces, annotationTagLists];

export type { Migration } from './migration';
