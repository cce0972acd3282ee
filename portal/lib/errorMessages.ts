/**
 * The words of the last-resort error boundary, apart from the rest of lib/messages.ts: the boundary is a client
 * component on every page, and importing the whole dictionary there shipped both languages' strings (about 13 KB
 * gzip) to every browser. lib/messages.ts spreads these in, so they have one home.
 */
export const errorMessages = {
  ja: {
    errorTitle: '情報を表示できませんでした',
    errorGeneric: '問題が発生しました。時間をおいて、もう一度お試しください。',
    retry: 'もう一度読み込む',
    backHome: 'ホームへ戻る',
  },
  en: {
    errorTitle: 'We could not show this information',
    errorGeneric: 'Something went wrong. Please try again in a little while.',
    retry: 'Load again',
    backHome: 'Back to home',
  },
} as const;
