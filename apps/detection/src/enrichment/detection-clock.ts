/** Evaluation time of assessments (detector windows end here); tests pin it. */
export class DetectionClock {
  now(): number {
    return Date.now();
  }
}
