/** The six digits Android shows under Wireless debugging > Pair device with pairing code. */
export const PAIRING_CODE = /^\d{6}$/;
