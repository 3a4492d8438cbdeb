package trust

// Windows API calls that golang.org/x/sys/windows does not offer, generated
// into zsyscall_windows.go by mkwinsyscall. Edit the //sys lines, then run
// go generate ./platform/trust (the directive is in doc.go, so it runs on
// any system).

// Catalog signatures and the signer of a WinVerifyTrust verification.
//sys	cryptCATAdminAcquireContext2(catAdmin *windows.Handle, subsystem *windows.GUID, hashAlgorithm *uint16, strongHashPolicy uintptr, flags uint32) (err error) = wintrust.CryptCATAdminAcquireContext2
//sys	cryptCATAdminCalcHashFromFileHandle2(catAdmin windows.Handle, file windows.Handle, hashSize *uint32, hash *byte, flags uint32) (err error) = wintrust.CryptCATAdminCalcHashFromFileHandle2
//sys	cryptCATAdminEnumCatalogFromHash(catAdmin windows.Handle, hash *byte, hashSize uint32, flags uint32, prevCatInfo *windows.Handle) (catInfo windows.Handle) = wintrust.CryptCATAdminEnumCatalogFromHash
//sys	cryptCATCatalogInfoFromContext(catInfo windows.Handle, info *catalogInfo, flags uint32) (err error) = wintrust.CryptCATCatalogInfoFromContext
//sys	cryptCATAdminReleaseCatalogContext(catAdmin windows.Handle, catInfo windows.Handle, flags uint32) (err error) = wintrust.CryptCATAdminReleaseCatalogContext
//sys	cryptCATAdminReleaseContext(catAdmin windows.Handle, flags uint32) (err error) = wintrust.CryptCATAdminReleaseContext
//sys	wtHelperProvDataFromStateData(stateData windows.Handle) (provData uintptr) = wintrust.WTHelperProvDataFromStateData
//sys	wtHelperGetProvSignerFromChain(provData uintptr, signerIndex uint32, counterSigner bool, counterSignerIndex uint32) (signer uintptr) = wintrust.WTHelperGetProvSignerFromChain

// The signer a failed signature claims, for the message only.
//sys	cryptMsgGetParam(msg windows.Handle, paramType uint32, index uint32, data *byte, size *uint32) (err error) = crypt32.CryptMsgGetParam
//sys	cryptMsgClose(msg windows.Handle) (err error) = crypt32.CryptMsgClose
