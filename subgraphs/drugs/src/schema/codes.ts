/**
 * The drugs subgraph's closed vocabularies as GraphQL enums. Where the service's own word is the enum name (claim
 * kinds, routing, reasons) the value is that word; the drug master's lower-case words (brand, oral, …, as the CSV
 * spells them) stay the internal values behind upper-case names, so the master and the services are unchanged.
 * The claim batch's inputs (ClaimInput.claimKind, ClaimItemInput.inOut) stay String on purpose: the batch validator,
 * not GraphQL coercion, reports every bad value with its row (docs/api-guide.md "Enums").
 */
import { registerCodeEnum, registerWordEnum } from '@onshi/kit';
import type { ClaimKind, InOut } from '../services/claims';
import type { ReturnReason, StoredRouting } from '../services/claimRouting';

export const DrugKindEnum = registerCodeEnum('DrugKind', '先発品・後発品の別 from the 薬価基準 (the drug master CSV\'s word in brackets)', {
  BRAND: { realCode: 'brand', description: '先発品 (brand)' },
  GENERIC: { realCode: 'generic', description: '後発品 (generic)' },
  OTHER: { realCode: 'other', description: 'Neither, e.g. 局方品 or long-listed products (other)' },
});

export const DrugRouteEnum = registerCodeEnum('DrugRoute', 'Administration route as the 薬価基準 classifies it (the drug master CSV\'s word in brackets)', {
  ORAL: { realCode: 'oral', description: '内用薬 (oral)' },
  EXTERNAL: { realCode: 'external', description: '外用薬 (external)' },
  INJECTION: { realCode: 'injection', description: '注射薬 (injection)' },
  DENTAL: { realCode: 'dental', description: '歯科用薬剤 (dental)' },
});

export const InOutEnum = registerWordEnum<InOut>('InOut', '院内・院外 (InOut) of a dispensing', {
  IN: '院内: dispensed by the facility itself',
  OUT: '院外: dispensed by a pharmacy on a prescription',
});

export const ClaimKindEnum = registerWordEnum<ClaimKind>('ClaimKind', 'レセプト種別', {
  MEDICAL: '医科', DPC: 'DPC (包括評価の入院医科)', DENTAL: '歯科', PHARMACY: '調剤',
});

export const ClaimRoutingEnum = registerWordEnum<StoredRouting>('ClaimRouting', 'How a stored claim was routed (docs/drugs.md "Re-routing claims (レセプト振替)")', {
  AS_BILLED: 'The named insurer covered every date of care',
  REROUTED: 'Another single insurer did (振替)',
});

export const RerouteReasonEnum = registerWordEnum<'INSURER_CHANGED' | 'MID_MONTH_CHANGE'>('RerouteReason', 'Why a stored claim was re-routed (振替)', {
  INSURER_CHANGED: 'One other insurer covered the whole month of care (the patient showed an old card)',
  MID_MONTH_CHANGE: 'The insurer changed within the month and every date of care falls under one insurer: routed by date',
});

export const ClaimReturnReasonEnum = registerWordEnum<ReturnReason>('ClaimReturnReason', 'Why a claim was returned to the facility (返戻); `reason` and `reasonJa` say what to do', {
  SPLIT_REQUIRED: 'The dates of care fall under two insurers: send one claim per insurer',
  NO_COVERAGE: 'Nobody covered the person on any date of care',
  NO_COVERAGE_ON_DATE: 'Some dates of care fall outside every coverage',
  OVERLAPPING_COVERAGE: 'Two coverages overlap on a date of care (the old insurer has not recorded the loss yet)',
});

export const ActiveDrugBasisEnum = registerWordEnum<'DAYS_SUPPLIED' | 'UNTIMED_30_DAYS'>('ActiveDrugBasis', 'How a drug\'s supply was counted for the 服薬サマリ', {
  DAYS_SUPPLIED: 'Date + days supplied',
  UNTIMED_30_DAYS: 'External or once-only items, counted 30 days',
});
