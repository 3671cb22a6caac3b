import type { webApi } from '@slack/bolt';

/**
 * Puts a file in the member's DM with the bot. files.completeUploadExternal needs a
 * conversation id, which conversations.open gives for a user id.
 */
export async function sendFileToMember(
  client: webApi.WebClient,
  userId: string,
  file: { filename: string; title: string; content: string | Buffer; comment: string },
): Promise<void> {
  const opened = await client.conversations.open({ users: userId });
  const channelId = opened.channel?.id;
  if (channelId === undefined) throw new Error('conversations.open returned no channel');
  await client.filesUploadV2({
    channel_id: channelId,
    file: typeof file.content === 'string' ? Buffer.from(file.content, 'utf8') : file.content,
    filename: file.filename,
    title: file.title,
    initial_comment: file.comment,
  });
}
