// What Hallway needs in a channel to post there, and which of it is missing, named as Discord's client names it.
import { PermissionFlagsBits, PermissionsBitField } from 'discord.js';

/** View Channels and Send Messages (Send Messages in Threads, in a thread): without them nothing can be posted. */
export function sendPermissions(thread: boolean): PermissionsBitField {
  return new PermissionsBitField([
    PermissionFlagsBits.ViewChannel,
    thread ? PermissionFlagsBits.SendMessagesInThreads : PermissionFlagsBits.SendMessages,
  ]);
}

/** The permissions of `needed` that `have` lacks: "Send Messages", "View Channel". */
export function missingPermissions(
  have: Readonly<PermissionsBitField>,
  needed: Readonly<PermissionsBitField>,
): string[] {
  return new PermissionsBitField(needed)
    .remove(have)
    .toArray()
    .map((name) => name.replace(/(?<=[a-z])(?=[A-Z])/g, ' '));
}
