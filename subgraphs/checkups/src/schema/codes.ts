/**
 * The checkups subgraph's closed vocabularies that were String: enums whose names are readable words and whose values
 * stay the services' and the MHLW item list's codes ('A', 'PQ', 'high', …), so judgement, the item master and the CDA
 * reader are unchanged. docs/api-guide.md "Enums" has the code ↔ name table.
 */
import { registerCodeEnum, registerWordEnum } from '@onshi/kit';
import type { MetabolicSyndrome, RiskFactor } from '../services/judgement';

export const MetabolicSyndromeEnum = registerWordEnum<MetabolicSyndrome>('MetabolicSyndrome', 'メタボリックシンドローム判定 (docs/domain.md "Judgements and 階層化")', {
  MEETS: '基準該当', PRE: '予備群該当', NONE: '非該当', UNDETERMINED: '判定不能 (no waist measured)',
});

export const ObesityGroupEnum = registerCodeEnum('ObesityGroup', 'Step 1 of 階層化: the standard program\'s group A (waist) or B (BMI)', {
  WAIST: { realCode: 'A', description: 'A: waist at or above 85 cm (men) / 90 cm (women)' },
  BMI: { realCode: 'B', description: 'B: waist below that, BMI 25 or more' },
});

export const RiskFactorEnum = registerWordEnum<RiskFactor>('RiskFactor', 'Step 2 of 階層化: a risk counted', {
  GLUCOSE: '血糖', LIPIDS: '脂質', BLOOD_PRESSURE: '血圧', SMOKING: '喫煙歴 (counted only with another risk)',
});

export const CheckupValueTypeEnum = registerCodeEnum('CheckupValueType', 'The HL7 value type of an item in the MHLW item list (the code in brackets)', {
  QUANTITY: { realCode: 'PQ', description: 'PQ: a measured quantity' },
  ORDINAL: { realCode: 'CO', description: 'CO: an ordinal answer (urine −, ±, + …)' },
  CODED: { realCode: 'CD', description: 'CD: a coded answer (はい / いいえ …)' },
  TEXT: { realCode: 'ST', description: 'ST: free text (医師の診断)' },
});

export const ThresholdDirectionEnum = registerCodeEnum('ThresholdDirection', 'Which side of an item\'s thresholds is abnormal', {
  HIGH: { realCode: 'high', description: 'At or above the threshold is abnormal' },
  LOW: { realCode: 'low', description: 'At or below the threshold is abnormal (HDL cholesterol)' },
});
