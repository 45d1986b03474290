// A fixture read, computed and narrated in process, as build.ts does it, for tests of the later stages.
import { join } from 'node:path';
import { type Computed, computeFigures } from '../../src/compute/compute.js';
import { type Config, loadConfig } from '../../src/config/config.js';
import { loadDataset } from '../../src/ingest/dataset.js';
import { type Meeting, type Speech, narrate } from '../../src/narrate/context.js';
import { SEASONS_FILE, loadSeasons } from '../../src/narrate/season.js';
import { cutOffFor, goalFor } from '../../src/period.js';

export interface Narrated {
  readonly config: Config;
  readonly computed: Computed;
  readonly speech: Speech;
}

export async function narrated(fixture: string, meeting: Meeting = { year: 2023, quarter: 2 }, templateDir = 'templates/speech'): Promise<Narrated> {
  const config = loadConfig(join(fixture, 'tongbao.config.yaml'));
  const cutOff = cutOffFor(meeting);
  const dataset = await loadDataset(join(fixture, 'data'), config, cutOff, meeting.year);
  const computed = computeFigures(config, dataset, cutOff, goalFor(meeting));
  const speech = narrate(config, computed, meeting, loadSeasons(join(templateDir, SEASONS_FILE), meeting.quarter), dataset.missing);
  return { config, computed, speech };
}
