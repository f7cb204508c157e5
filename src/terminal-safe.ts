// Log text is attacker-controlled: any C0/C1 control character or DEL could drive the terminal
// (colours, window titles, cursor moves, OSC 52 clipboard writes). Show them as visible escapes.
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

function visible(ch: string): string {
  const code = ch.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** Text safe to print on a terminal; tabs are kept, everything else non-printing is made visible. */
export function terminalSafe(text: string): string {
  return text.replace(CONTROL, visible);
}
