// Package assets embeds the data the app ships with: the product catalog,
// the translations and the app icon. It imports nothing but embed, so the
// pure packages can use it without pulling in Fyne.
package assets

import "embed"

// CatalogJSON is the product and milestone catalog, validated by app/catalog.
//
//go:embed catalog.json
var CatalogJSON []byte

// Translations holds one JSON file per language under translations/.
//
//go:embed translations/*.json
var Translations embed.FS

// IconPNG is the app icon (512×512 PNG); icon.svg is its source.
//
//go:embed icon.png
var IconPNG []byte
