/* A stand-in uiautomationcore.dll for the Wine test prefix only. Fyne's
 * accessible Windows build (-tags accessibility) looks up five UI Automation
 * functions; Wine 8 lists UiaRaiseStructureChangedEvent but ends the program
 * when it is called ("unimplemented function ... aborting"). This stand-in
 * exports all five and does nothing: there is no screen reader under Wine, and
 * the point is that the accessible build starts and paints there, as the
 * ProcessPrng stand-in does for Go's start-up. Real Windows has the real DLL. */
#include <windows.h>

#define E_NOTIMPL_ ((HRESULT)0x80004001L)

__declspec(dllexport) LRESULT WINAPI UiaReturnRawElementProvider(HWND hwnd, WPARAM w, LPARAM l, void *provider) {
    (void)hwnd; (void)w; (void)l; (void)provider;
    return 0;
}

__declspec(dllexport) HRESULT WINAPI UiaHostProviderFromHwnd(HWND hwnd, void **provider) {
    (void)hwnd;
    if (provider) *provider = NULL;
    return E_NOTIMPL_;
}

__declspec(dllexport) HRESULT WINAPI UiaRaiseAutomationEvent(void *provider, int id) {
    (void)provider; (void)id;
    return S_OK;
}

__declspec(dllexport) HRESULT WINAPI UiaRaiseStructureChangedEvent(void *provider, int type, int *runtimeID, int len) {
    (void)provider; (void)type; (void)runtimeID; (void)len;
    return S_OK;
}

__declspec(dllexport) HRESULT WINAPI UiaDisconnectProvider(void *provider) {
    (void)provider;
    return S_OK;
}
