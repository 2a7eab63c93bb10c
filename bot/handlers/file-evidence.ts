import type { Application, TurnState } from '@microsoft/teams-ai';
import type { Attachment, TurnContext } from 'botbuilder';
import { NOT_LINKED } from '../../services/checkins/authorise.js';
import { attachFiles, type SharedFile } from '../../services/checkins/attach-files.js';
import { findMilestoneByRef } from '../../services/milestones/find-milestone.js';
import type { BotDeps } from '../deps.js';
import { identify } from '../identify.js';
import { isPersonal, replyText } from '../replies.js';
import { commandText } from './commands.js';

const TEAMS_FILE = 'application/vnd.microsoft.teams.file.download.info';

/** Files sent in a personal chat are kept as evidence references (links, not copies). */
export function registerFileEvidence(app: Application<TurnState>, deps: BotDeps): void {
  app.message((context) => Promise.resolve(sharedFiles(context).length > 0 && isPersonal(context)), async (context) => {
    const actor = await identify(deps, context);
    if (!actor) return replyText(context, NOT_LINKED);
    const ref = /(?:^|\s)(?:evidence\s+)?(\d+(?:\.\d+)+[a-z]?)(?:\s|$)/i.exec(commandText(context))?.[1];
    let named;
    if (ref) {
      const found = await findMilestoneByRef(deps.db, ref, { personId: actor.id });
      if (!found.ok) return replyText(context, found.message);
      named = found.milestone;
    }
    const result = await attachFiles(deps.db, actor, sharedFiles(context), named, deps.now());
    if (!result.ok) return replyText(context, result.message);
    await replyText(context, `Recorded ${result.count} file${result.count === 1 ? '' : 's'} as evidence for ${result.ref}.`);
  });
}

function sharedFiles(context: TurnContext): SharedFile[] {
  return (context.activity.attachments ?? []).filter((a: Attachment) => a.contentType === TEAMS_FILE).map((a) => {
    const content = (a.content ?? {}) as { downloadUrl?: string; uniqueId?: string };
    return { name: (a.name ?? 'file').slice(0, 200), location: a.contentUrl ?? content.uniqueId ?? a.name ?? 'file' };
  });
}
