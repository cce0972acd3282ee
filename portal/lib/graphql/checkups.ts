import { graphql } from './generated';

/** 特定健診: up to 5 fiscal years with every item's value, thresholds and judgement. */
export const MyCheckupsQuery = graphql(`
  query MyCheckups {
    me {
      id
      checkups {
        fiscalYear examinedOn facilityCode fasting
        metabolicSyndrome guidance { level group }
        items { code nameJa nameEn value text textEn answerCode unit guidanceThreshold seeDoctorThreshold direction judgement }
      }
    }
  }
`);
