/* bcryptprimitives.dll for Wine 8, which lacks it: Go >= 1.22 calls
 * ProcessPrng at start-up. This forwards it to RtlGenRandom (advapi32). */
#include <windows.h>
#define SystemFunction036 NTAPI SystemFunction036
#include <ntsecapi.h>
#undef SystemFunction036

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len) {
    return RtlGenRandom(data, (ULONG)len);
}
