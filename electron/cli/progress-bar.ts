/** A one-line progress bar redrawn in place on a terminal. */
export class ProgressBar {
  readonly #stream: NodeJS.WritableStream;
  readonly #width: number;
  #lastDraw = 0;
  #visible = false;

  constructor(stream: NodeJS.WritableStream, width = 30) {
    this.#stream = stream;
    this.#width = width;
  }

  update(done: number, total: number, label: string, force = false): void {
    const now = Date.now();
    if (!force && now - this.#lastDraw < 100) return;
    this.#lastDraw = now;
    const fraction = total > 0 ? Math.min(1, done / total) : 0;
    const filled = Math.round(fraction * this.#width);
    const bar = '█'.repeat(filled) + '░'.repeat(this.#width - filled);
    this.#stream.write(`\r\x1b[2K${bar} ${(fraction * 100).toFixed(0).padStart(3)}% ${label}`);
    this.#visible = true;
  }

  /** Ends the bar's line so normal output continues below it. */
  done(): void {
    if (this.#visible) this.#stream.write('\n');
    this.#visible = false;
  }
}
