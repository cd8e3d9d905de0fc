import { GrowthBook } from '@growthbook/growthbook';

export function requestBody(gb: GrowthBook, prompt: string) {
  return {
    prompt,
    temperature: gb.getFeatureValue('llm-temperature', 0.1),
  };
}
