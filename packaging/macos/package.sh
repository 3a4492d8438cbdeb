#!/usr/bin/env bash
# Builds, signs and notarizes the macOS app. Runs on a Mac only (see README.md).
# Needs TH_MAC_IDENTITY (codesign identity) and TH_NOTARY_PROFILE (notarytool keychain profile).
set -euo pipefail
version=$1
cd "$(dirname "$0")/../.."
: "${TH_MAC_IDENTITY:?set TH_MAC_IDENTITY to your Developer ID Application identity}"
: "${TH_NOTARY_PROFILE:?set TH_NOTARY_PROFILE to a notarytool keychain profile}"
cp FyneApp.toml /tmp/FyneApp.toml.orig
trap 'cp /tmp/FyneApp.toml.orig FyneApp.toml; rm -f zz_version_package.go' EXIT
printf 'package main\n\nfunc init() { version = "%s" }\n' "$version" > zz_version_package.go
go tool fyne package -os darwin -release -tags migrated_fynedo,accessibility
app="Kaspersky Transition Helper.app"
codesign --deep --force --options runtime --timestamp --sign "$TH_MAC_IDENTITY" "$app"
mkdir -p build/pkg
ditto -c -k --keepParent "$app" "build/pkg/KasperskyTransitionHelper-$version-mac.zip"
xcrun notarytool submit "build/pkg/KasperskyTransitionHelper-$version-mac.zip" --keychain-profile "$TH_NOTARY_PROFILE" --wait
xcrun stapler staple "$app"
ditto -c -k --keepParent "$app" "build/pkg/KasperskyTransitionHelper-$version-mac.zip"
rm -rf "$app"
echo "build/pkg/KasperskyTransitionHelper-$version-mac.zip"
