// Matching row labels and area names against the config by name and aliases.
import { type Config, type IndicatorConfig, normalizeLabel } from '../config/config.js';

export interface Catalogue {
  indicatorFor(label: string): IndicatorConfig | undefined;
  /** Canonical area name for a label in a city table ("云溪", "（一）云溪区" → "云溪区"), if configured. */
  areaFor(label: string): string | undefined;
  isRanked(area: string): boolean;
}

const cache = new WeakMap<Config, Catalogue>();

export function catalogueOf(config: Config): Catalogue {
  let catalogue = cache.get(config);
  if (!catalogue) {
    catalogue = buildCatalogue(config);
    cache.set(config, catalogue);
  }
  return catalogue;
}

function buildCatalogue(config: Config): Catalogue {
  const indicators = new Map<string, IndicatorConfig>();
  for (const indicator of config.indicators) {
    for (const label of [indicator.name, ...indicator.aliases]) indicators.set(normalizeLabel(label), indicator);
  }
  const areas = new Map<string, string>();
  const ranked = new Map<string, boolean>();
  for (const area of [config.district, ...config.peers]) {
    ranked.set(area.name, area.ranked);
    for (const label of [area.name, ...area.aliases]) areas.set(normalizeLabel(label), area.name);
  }
  for (const label of [config.city.name, ...config.city.aliases]) areas.set(normalizeLabel(label), config.city.name);
  return {
    indicatorFor: (label) => indicators.get(normalizeLabel(label)),
    // Numbering (1. （一）) and 其中： are stripped from area rows as from indicator rows.
    areaFor: (label) => areas.get(normalizeLabel(label)),
    isRanked: (area) => ranked.get(area) ?? false,
  };
}

