/**
 * Sign-in methods a user has besides passwords and passkeys (Clerk only): external accounts
 * (Google, GitHub...) and web3 wallets. Passage's social connections have no id to delete by,
 * so both are `UnsupportedError` on Passage.
 */
import { operation } from '../../providers/registry.js';
import { defineSubResourceDelete } from './define.js';
import { offeredBy, unsupportedOn } from '../support.js';

defineSubResourceDelete({
  name: 'deleteExternalAccount',
  input: 'DeleteExternalAccountInput',
  payload: 'DeleteExternalAccountPayload',
  result: 'DeleteExternalAccountResult',
  description: `Unlink an external account (${offeredBy('deleteExternalAccount')}): the user can no longer sign in through it. ${unsupportedOn('deleteExternalAccount')}.`,
  things: 'external accounts',
  idField: 'externalAccountId',
  idDescription: 'The account: the id `ExternalAccount.id` returns.',
  run: (provider, userId, id, call) => operation(provider, 'deleteExternalAccount')(userId, id, call),
});

defineSubResourceDelete({
  name: 'deleteWeb3Wallet',
  input: 'DeleteWeb3WalletInput',
  payload: 'DeleteWeb3WalletPayload',
  result: 'DeleteWeb3WalletResult',
  description: `Remove a web3 wallet from a user (${offeredBy('deleteWeb3Wallet')}). ${unsupportedOn('deleteWeb3Wallet')}.`,
  things: 'web3 wallets',
  idField: 'web3WalletId',
  idDescription: 'The wallet: the id `Web3Wallet.id` returns.',
  run: (provider, userId, id, call) => operation(provider, 'deleteWeb3Wallet')(userId, id, call),
});
