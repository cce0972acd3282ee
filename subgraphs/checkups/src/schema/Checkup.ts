import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { GuidanceLevel, ItemJudgement } from '../services/judgement';
import { CheckupProgram } from '../services/submission';
import { CheckupValueTypeEnum, MetabolicSyndromeEnum, ObesityGroupEnum, RiskFactorEnum, ThresholdDirectionEnum } from './codes';

registerEnumType(ItemJudgement, {
  name: 'CheckupItemJudgement',
  description: 'Per-item judgement against the 保健指導判定値 / 受診勧奨判定値 (docs/domain.md "Specific health checkups (特定健診)")',
  valuesConfig: {
    NORMAL: { description: '基準範囲内' },
    GUIDANCE: { description: '保健指導判定値以上' },
    SEE_DOCTOR: { description: '受診勧奨判定値以上' },
  },
});
registerEnumType(GuidanceLevel, {
  name: 'CheckupGuidanceLevel',
  description: '階層化 of 特定保健指導 (MHLW standard program, steps 1–4; docs/domain.md "Judgements and 階層化")',
  valuesConfig: {
    INTENSIVE: { description: '積極的支援' },
    MOTIVATIONAL: { description: '動機付け支援' },
    INFORMATION: { description: '情報提供' },
    NONE_ON_MEDICATION: { description: '服薬中のため特定保健指導の対象外' },
  },
});

registerEnumType(CheckupProgram, {
  name: 'CheckupProgram',
  description: 'Which checkup program an examination belongs to (docs/domain.md "Specific health checkups (特定健診)")',
  valuesConfig: {
    TOKUTEI_KENSHIN: { description: '特定健診 (ages 40–74, by the insurer)' },
    KOUKI_KENSHIN: { description: '後期高齢者健診 (ages 75+, by the 後期高齢者医療広域連合)' },
  },
});

@ObjectType({ simpleResolvers: true, description: 'One result of a checkup, keyed by JLAC10 code, with the thresholds that applied' })
export class CheckupItemResult {
  @Field(() => String, { description: 'JLAC10 code (17 characters)' })
  code!: string;

  @Field(() => String)
  nameJa!: string;

  @Field(() => String)
  nameEn!: string;

  @Field(() => Float, { nullable: true, description: 'Measured value (numeric items)' })
  value!: number | null;

  @Field(() => String, { nullable: true, description: 'Label of a qualitative/coded answer (−, ±, はい …) or the doctor’s text' })
  text!: string | null;

  @Field(() => String, { nullable: true, description: 'English label of a coded answer (Yes, No, Fast …); null for numbers and free text' })
  textEn!: string | null;

  @Field(() => String, { nullable: true, description: 'Raw answer code of qualitative/coded items (urine 1–5, 服薬 1/2)' })
  answerCode!: string | null;

  @Field(() => CheckupValueTypeEnum, { description: 'HL7 value type of the item in the MHLW item list: QUANTITY (PQ), ORDINAL (CO), CODED (CD), TEXT (ST)' })
  valueType!: string;

  @Field(() => String, { description: 'Display unit; empty for qualitative, coded and text items' })
  unit!: string;

  @Field(() => Float, { nullable: true, description: '保健指導判定値 for this person’s sex' })
  guidanceThreshold!: number | null;

  @Field(() => Float, { nullable: true, description: '受診勧奨判定値' })
  seeDoctorThreshold!: number | null;

  @Field(() => ThresholdDirectionEnum, { nullable: true, description: 'HIGH: at or above the threshold is abnormal; LOW (HDL): at or below' })
  direction!: string | null;

  @Field(() => ItemJudgement, { nullable: true, description: 'Null for items without thresholds' })
  judgement!: ItemJudgement | null;
}

@ObjectType({ simpleResolvers: true, description: '階層化 of 特定保健指導 for one checkup' })
export class CheckupGuidance {
  @Field(() => GuidanceLevel)
  level!: GuidanceLevel;

  @Field(() => ObesityGroupEnum, { nullable: true, description: 'Step 1: WAIST (group A) or BMI (group B); null when neither' })
  group!: string | null;

  @Field(() => [RiskFactorEnum], { description: 'Step 2 risks counted' })
  risks!: string[];

  @Field(() => Boolean, { description: 'Step 4: 積極的支援 became 動機付け支援 at ages 65–74' })
  downgradedForAge!: boolean;

  @Field(() => [String], { description: 'The rules applied, one line each' })
  reasons!: string[];
}

@ObjectType({ simpleResolvers: true, description: '特定健診: one checkup of a person in one fiscal year' })
export class Checkup {
  @Field(() => Int, { description: 'Fiscal year (年度, April–March)' })
  fiscalYear!: number;

  @Field(() => CheckupProgram, { description: '特定健診 (ages 40–74) or 後期高齢者健診 (members of a 後期高齢者医療広域連合)' })
  program!: CheckupProgram;

  @Field(() => String, { description: '健診実施日 (YYYY-MM-DD)' })
  examinedOn!: string;

  @Field(() => String, { description: '健診機関 code (10 digits) from the file or submission' })
  facilityCode!: string;

  @Field(() => String, { description: 'The insurer at the time of the checkup (保険者番号)' })
  insurerNumber!: string;

  @Field(() => Boolean, { description: 'Blood drawn fasting' })
  fasting!: boolean;

  @Field(() => [CheckupItemResult])
  items!: CheckupItemResult[];

  @Field(() => MetabolicSyndromeEnum, { description: 'メタボリックシンドローム判定' })
  metabolicSyndrome!: string;

  @Field(() => CheckupGuidance, { description: '階層化 (metabolic-syndrome risk level)' })
  guidance!: CheckupGuidance;
}
