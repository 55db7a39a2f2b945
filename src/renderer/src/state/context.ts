// The workspace and its actions, shared with every component through typed context.
import { createContext } from 'svelte';
import type { Assessment } from './assessment.svelte';
import type { FileActions } from './file-actions';
import type { TagActions } from './tag-actions';
import type { Workspace } from './workspace.svelte';

/** What components reach through context instead of long prop lists. */
interface WorkspaceContext {
  workspace: Workspace;
  tags: TagActions;
  files: FileActions;
  assessment: Assessment;
}

const [getContext, setContext] = createContext<WorkspaceContext>();

/** The workspace context of the component tree (set once, in App). */
export const getWorkspace = getContext;
/** Sets the workspace context for the component tree. */
export const setWorkspace = setContext;
