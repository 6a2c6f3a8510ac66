/**
 * Where OCR's files are on this machine, and the version recorded with every text. Kept apart from
 * engine.ts so that the CLI and the job queue can check a language without loading tesseract.js.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

import { UserError } from '../../domain/errors.js';

const require = createRequire(import.meta.url);

export const OCR_ENGINE = 'tesseract.js';

/**
 * Languages whose data packages are installed (issue 17: English at least), by Tesseract's code.
 * Each package ships its model inside its npm tarball. Of the languages met in UK police chats, the
 * registry's list of `@tesseract.js-data/*` packages holds only English and French (no Polish,
 * Romanian, Urdu, Punjabi, Hindi or Arabic): see docs/media.md.
 */
export const OCR_LANGUAGES: Readonly<Record<string, string>> = {
  eng: '@tesseract.js-data/eng',
  fra: '@tesseract.js-data/fra',
};

/** Which data folder of the language package: the LSTM-only "best (integer)" model. */
const DATA_VARIANT = '4.0.0_best_int';

export interface OcrResources {
  readonly engine: string;
  readonly engineVersion: string;
  readonly coreVersion: string;
  readonly language: string;
  readonly dataPackage: string;
  readonly dataVersion: string;
  /** The folder holding `<lang>.traineddata.gz`, on this machine. */
  readonly langPath: string;
  readonly dataFile: string;
  /** tesseract.js's Node worker script. */
  readonly workerPath: string;
}

function packageVersion(name: string): string {
  return (require(`${name}/package.json`) as { version: string }).version;
}

/** The local files OCR runs from, for `language`; a UserError when its data package is missing. */
export function ocrResources(language = 'eng'): OcrResources {
  const dataPackage = OCR_LANGUAGES[language];
  if (!dataPackage)
    throw new UserError(
      `no OCR data for language "${language}" (installed: ${Object.keys(OCR_LANGUAGES).join(', ')})`,
      { code: 'ocr_language' },
    );
  const langPath = join(dirname(require.resolve(`${dataPackage}/package.json`)), DATA_VARIANT);
  const dataFile = join(langPath, `${language}.traineddata.gz`);
  if (!existsSync(dataFile)) throw new UserError(`OCR data ${dataFile} is missing: reinstall ${dataPackage}`);
  return {
    engine: OCR_ENGINE,
    engineVersion: packageVersion('tesseract.js'),
    coreVersion: packageVersion('tesseract.js-core'),
    language,
    dataPackage,
    dataVersion: `${packageVersion(dataPackage)}/${DATA_VARIANT}`,
    langPath,
    dataFile,
    workerPath: join(
      dirname(require.resolve('tesseract.js/package.json')),
      'src/worker-script/node/index.js',
    ),
  };
}

/** The version string recorded with every text: engine, core and model together. */
export function engineVersion(r: OcrResources): string {
  return `${r.engineVersion} (core ${r.coreVersion}; ${r.dataPackage} ${r.dataVersion})`;
}
