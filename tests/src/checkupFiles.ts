import { coverageOn, type DemoPatient } from '@onshi/demo';
import { loadItemMaster, type CheckupItem } from '../../subgraphs/checkups/src/services/itemMaster';

/**
 * Builds 特定健診情報ファイル (HL7 CDA R2) the way an examination centre's system writes them (docs/domain.md "Specific
 * health checkups (特定健診)"; the layout of subgraphs/checkups/src/services/__fixtures__/tokutei-kenshin-good.xml): header with the
 * member's 保険者番号・記号・番号, the 健診機関 on author/assignedAuthor/representedOrganization, the 健診実施日 on
 * serviceEvent, and one observation per result, JLAC10-coded, values typed PQ / CO / CD / ST.
 */

export interface FileObservation {
  code: string;
  /** PQ: the number and unit; CO/CD: the answer code; ST: the text. */
  value: string;
  unit?: string;
  type: 'PQ' | 'CO' | 'CD' | 'ST';
  codeSystem?: string;
}

export interface FileOptions {
  examinedOn: string;
  facilityCode?: string;
  /** Defaults to the member's coverage on the examination date. */
  insurerNumber?: string;
  symbol?: string;
  number?: string;
  documentDate?: string;
}

const hl7 = (date: string): string => date.replaceAll('-', '');
const escape = (text: string): string => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('"', '&quot;');

function observationXml(observation: FileObservation): string {
  const code = `<code code="${observation.code}" codeSystem="${observation.codeSystem ?? '1.2.392.200119.6.1005'}"/>`;
  const value = observation.type === 'PQ'
    ? `<value xsi:type="PQ" value="${observation.value}"${observation.unit === undefined ? '' : ` unit="${escape(observation.unit)}"`}/>`
    : observation.type === 'ST'
      ? `<value xsi:type="ST">${escape(observation.value)}</value>`
      : `<value xsi:type="${observation.type}" code="${observation.value}" codeSystem="1.2.392.200119.6.2001"/>`;
  return `          <entry>\n            <observation classCode="OBS" moodCode="EVN">\n              ${code}\n              ${value}\n            </observation>\n          </entry>\n`;
}

export function checkupFile(patient: DemoPatient, options: FileOptions, observations: readonly FileObservation[]): string {
  const coverage = coverageOn(patient, options.examinedOn);
  const insurerNumber = options.insurerNumber ?? coverage?.insurerNumber ?? '';
  const symbol = options.symbol ?? coverage?.insuredCardSymbol ?? '';
  const number = options.number ?? coverage?.insuredIdentificationNumber ?? '';
  const facility = options.facilityCode ?? '1311234567';
  return `<?xml version="1.0" encoding="UTF-8"?>
<ClinicalDocument xmlns="urn:hl7-org:v3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <typeId root="2.16.840.1.113883.1.3" extension="POCD_HD000040"/>
  <id root="1.2.392.200119.6.102.1${facility}" extension="${hl7(options.examinedOn)}${patient.index}"/>
  <code code="10" codeSystem="1.2.392.200119.6.1001" displayName="特定健診情報"/>
  <effectiveTime value="${hl7(options.documentDate ?? options.examinedOn)}"/>
  <confidentialityCode code="N" codeSystem="2.16.840.1.113883.5.25"/>
  <recordTarget>
    <patientRole>
      <id root="1.2.392.200119.6.101" extension="${insurerNumber}"/>
      <id root="1.2.392.200119.6.204" extension="${escape(symbol)}"/>
      <id root="1.2.392.200119.6.205" extension="${escape(number)}"/>
      <patient>
        <administrativeGenderCode code="${patient.sex}" codeSystem="1.2.392.200119.6.1104"/>
        <birthTime value="${hl7(patient.birthdate)}"/>
      </patient>
    </patientRole>
  </recordTarget>
  <author>
    <time value="${hl7(options.documentDate ?? options.examinedOn)}"/>
    <assignedAuthor>
      <id nullFlavor="NI"/>
      <representedOrganization><id root="1.2.392.200119.6.102" extension="${facility}"/><name>オンシ健診センター</name></representedOrganization>
    </assignedAuthor>
  </author>
  <documentationOf>
    <serviceEvent classCode="ACT">
      <code code="1" codeSystem="1.2.392.200119.6.1002" displayName="特定健診"/>
      <effectiveTime value="${hl7(options.examinedOn)}"/>
    </serviceEvent>
  </documentationOf>
  <component>
    <structuredBody>
      <component>
        <section>
          <code code="01010" codeSystem="1.2.392.200119.6.1010" displayName="特定健診結果"/>
${observations.map(observationXml).join('')}        </section>
      </component>
    </structuredBody>
  </component>
</ClinicalDocument>
`;
}

/** A value inside the item's plausible range (a quarter of the way up), with the item's first spelling of its unit. */
function observationOf(item: CheckupItem): FileObservation {
  if (item.kind === 'numeric') {
    const min = item.plausibleMin ?? 0;
    const max = item.plausibleMax ?? min + 100;
    return { code: item.code, type: 'PQ', value: String(Math.round((min + (max - min) / 4) * 10) / 10), unit: item.unitSpellings[item.unitSpellings.length - 1] ?? item.unit };
  }
  if (item.kind === 'text') return { code: item.code, type: 'ST', value: `${item.nameJa}の記載` };
  const answers = Object.keys(item.answers ?? {});
  return { code: item.code, type: item.valueType === 'CO' ? 'CO' : 'CD', value: answers[answers.length - 1] ?? '1' };
}

/** One observation for every analyte of the standard item list (the first method code of each): a file with all standard items. */
export function allStandardItems(): FileObservation[] {
  const seen = new Set<string>();
  return loadItemMaster().filter((item) => !seen.has(item.analyte) && seen.add(item.analyte)).map(observationOf);
}

/** The standard items of a routine 特定健診 with realistic values, as most files carry them. */
export function routineItems(): FileObservation[] {
  return [
    { code: '9N001000000000001', type: 'PQ', value: '168.2', unit: 'cm' },
    { code: '9N006000000000001', type: 'PQ', value: '66.1', unit: 'kg' },
    { code: '9N011000000000001', type: 'PQ', value: '23.4', unit: 'kg/m2' },
    { code: '9N016160100000001', type: 'PQ', value: '84.0', unit: 'cm' },
    { code: '9A755000000000001', type: 'PQ', value: '128', unit: 'mm[Hg]' },
    { code: '9A765000000000001', type: 'PQ', value: '78', unit: 'mm[Hg]' },
    { code: '9N141000000000011', type: 'CD', value: '2' },
    { code: '3F015000002327101', type: 'PQ', value: '120', unit: 'mg/dL' },
    { code: '3F070000002327101', type: 'PQ', value: '55', unit: 'mg/dL' },
    { code: '3F077000002327101', type: 'PQ', value: '118', unit: 'mg/dL' },
    { code: '3D010000001926101', type: 'PQ', value: '96', unit: 'mg/dL' },
    { code: '3D046000001906202', type: 'PQ', value: '5.5', unit: '%' },
    { code: '1A020000000191111', type: 'CO', value: '1' },
    { code: '1A010000000191111', type: 'CO', value: '1' },
    { code: '9N736000000000011', type: 'CD', value: '3' },
    { code: '9N701000000000011', type: 'CD', value: '2' },
  ];
}
