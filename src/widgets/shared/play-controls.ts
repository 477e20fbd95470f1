/** What a widget's row of Play/Pause, Step and Reset buttons shows and calls. */
export interface PlayControls {
  /** Whether the run is going (the first button then says Pause). */
  playing: boolean;
  onPlay: () => void;
  onPause: () => void;
  onStep: () => void;
  onReset: () => void;
}
