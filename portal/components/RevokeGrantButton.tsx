'use client';
import type { ComponentProps } from 'react';
import { revokePhr } from '@/app/actions/phr';
import { ConfirmButton } from './ConfirmButton';

type Props = Omit<ComponentProps<typeof ConfirmButton>, 'action' | 'fields' | 'testId'> & { grantId: string };

/** Revoking a PHR grant cuts the app off at once, so it asks first. */
export function RevokeGrantButton({ grantId, ...texts }: Props) {
  return <ConfirmButton action={revokePhr} fields={{ grantId }} testId="revoke-dialog" {...texts} />;
}
