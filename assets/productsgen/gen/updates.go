package gen

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"path"
	"strings"
)

// UpdatesDir is the folder of the measures since mid-2026, under data/ in
// the reference data and in the assets.
const UpdatesDir = "updates/2026-12"

// UpdateCopies are the files of data/updates/2026-12 copied byte for byte
// into the assets' data/updates/2026-12 folder: its SOURCES.md (so every
// number the library takes from the folder traces to it), the measures table
// and the threatened measures.
var UpdateCopies = []string{
	"SOURCES.md",
	"measures_2026h2.csv",
	"threatened_measures.csv",
}

// updatesPrefix marks a list spec whose file is in the updates folder: its
// file is relative to data/products/, as every list's is.
const updatesPrefix = "../" + UpdatesDir + "/"

// updateListSpecs are the built-in lists derived from the updates folder.
// Their sources are cited from the folder's own SOURCES.md.
var updateListSpecs = []listSpec{
	{name: "us-s301fl-exempt-full", title: "Section 301 forced-labor duty: unconditional exemptions (note 52(b), 9903.05.86)",
		file: updatesPrefix + "us_s301_forced_labor_common_exemptions.csv", column: "hts_code", filter: "condition", values: []string{"full"}},
	{name: "us-s301fl-exempt-ex", title: "Section 301 forced-labor duty: described particular articles (note 52(c), 9903.05.87; only the articles described)",
		file: updatesPrefix + "us_s301_forced_labor_common_exemptions.csv", column: "hts_code", filter: "condition", values: []string{"ex"}},
	{name: "us-s301fl-exempt-aircraft", title: "Section 301 forced-labor duty: civil aircraft (note 52(d), 9903.05.88; general note 6 conditions)",
		file: updatesPrefix + "us_s301_forced_labor_common_exemptions.csv", column: "hts_code", filter: "condition", values: []string{"aircraft"}},
	{name: "us-s301fl-exempt-pharma", title: "Section 301 forced-labor duty: pharmaceutical end use (note 52(e), 9903.05.89; end-use test)",
		file: updatesPrefix + "us_s301_forced_labor_common_exemptions.csv", column: "hts_code", filter: "condition", values: []string{"pharma"}},
	{name: "us-s338-alcohol-0915", title: "Section 338 list: alcohol (9903.03.12), from 2026-09-15",
		file: updatesPrefix + "us_s338_canada_lists_from_2026-09-15.csv", column: "hts", filter: "ch99_heading", values: []string{"9903.03.12"}},
	{name: "us-s338-dairy-0915", title: "Section 338 list: dairy (9903.03.13), from 2026-09-15 (unchanged)",
		file: updatesPrefix + "us_s338_canada_lists_from_2026-09-15.csv", column: "hts", filter: "ch99_heading", values: []string{"9903.03.13"}},
	{name: "us-s338-list-3-0915", title: "Section 338 list 3 (9903.03.14, titled motor vehicles), from 2026-09-15",
		file: updatesPrefix + "us_s338_canada_lists_from_2026-09-15.csv", column: "hts", filter: "ch99_heading", values: []string{"9903.03.14"}},
	{name: "us-s338-bans", title: "Section 338 import bans from 2026-09-29, in any container (Proclamations 11061-11063)",
		file: updatesPrefix + "us_s338_canada_import_bans_2026-09-29.csv", column: "hts", filter: "ban_scope", values: []string{"any container", "any"}},
	{name: "us-s338-bans-retail", title: "Section 338 import bans from 2026-09-29, only when packaged for retail (Proclamation 11061; bulk keeps the 50% duty)",
		file: updatesPrefix + "us_s338_canada_import_bans_2026-09-29.csv", column: "hts", filter: "ban_scope",
		values: []string{"packaged only: bottles, cans, boxes, kegs or similar direct-to-consumption containers; in bulk the 50% duty continues"}},
	{name: "ca-surtax-2026-15", title: "Canada's United States Surtax Order (2026), schedule 1: 15% (tariff items)",
		file: updatesPrefix + "ca_us_surtax_2026_tariff_items.csv", column: "tariff_item", filter: "schedule_title", values: []string{"Goods Subject to 15% Surtax"}},
	{name: "ca-surtax-2026-25", title: "Canada's United States Surtax Order (2026), schedule 2: 25% (tariff items)",
		file: updatesPrefix + "ca_us_surtax_2026_tariff_items.csv", column: "tariff_item", filter: "schedule_title", values: []string{"Goods Subject to 25% Surtax"}},
	{name: "ca-surtax-2026-50", title: "Canada's United States Surtax Order (2026), schedule 3: 50% (tariff items)",
		file: updatesPrefix + "ca_us_surtax_2026_tariff_items.csv", column: "tariff_item", filter: "schedule_title", values: []string{"Goods Subject to 50% Surtax"}},
	{name: "ca-surtax-metals-2026-50", title: "Canada's steel and aluminum surtax from 2026-09-08, schedules 1.1 and 2.1: 50% (tariff items)",
		file: updatesPrefix + "ca_us_surtax_2026_tariff_items.csv", column: "tariff_item", filter: "schedule_title",
		values: []string{"Goods Subject to 50% Surtax — Aluminum", "Goods Subject to 50% Surtax — Steel"}},
	{name: "ca-surtax-metals-2026-25", title: "Canada's steel and aluminum surtax from 2026-09-08, schedules 1 and 2: 25% (tariff items)",
		file: updatesPrefix + "ca_us_surtax_2026_tariff_items.csv", column: "tariff_item", filter: "schedule_title",
		values: []string{"Goods Subject to 25% Surtax — Aluminum", "Goods Subject to 25% Surtax — Steel"}},
}

// updates copies the updates folder's SOURCES.md, measures table and
// threatened measures into data/updates/2026-12.
func (b *builder) updates() error {
	for _, name := range UpdateCopies {
		raw, err := b.read(UpdatesDir + "/" + name)
		if err != nil {
			return err
		}
		b.add("data/"+UpdatesDir+"/"+name, raw)
	}
	return nil
}

// isUpdate says whether a list comes from the updates folder.
func isUpdate(s listSpec) bool { return strings.HasPrefix(s.file, updatesPrefix) }

// updateCitation is the one-line source of a list of the updates folder:
// the row of the folder's SOURCES.md that names its file, after checking
// the file's sha256 against the row.
func (b *builder) updateCitation(s listSpec) (string, error) {
	base := path.Base(s.file)
	raw, err := b.read(UpdatesDir + "/SOURCES.md")
	if err != nil {
		return "", err
	}
	for _, line := range strings.Split(string(raw), "\n") {
		line = strings.TrimSpace(line)
		if !strings.HasPrefix(line, "| "+base+" |") {
			continue
		}
		cells := strings.Split(strings.Trim(line, "|"), " | ")
		if len(cells) != 5 {
			return "", fmt.Errorf("updates SOURCES.md row of %s has %d cells, want 5", base, len(cells))
		}
		for i := range cells {
			cells[i] = strings.TrimSpace(cells[i])
		}
		data, err := b.read(UpdatesDir + "/" + base)
		if err != nil {
			return "", err
		}
		sum := sha256.Sum256(data)
		if hex.EncodeToString(sum[:]) != cells[2] {
			return "", fmt.Errorf("%s: sha256 %x, its SOURCES.md row says %s", base, sum, cells[2])
		}
		return fmt.Sprintf("data/%s/%s%s: %s (%s); %s/SOURCES.md row of %s",
			UpdatesDir, base, selection(s), cells[3], cells[4], UpdatesDir, base), nil
	}
	return "", fmt.Errorf("%s has no row in %s/SOURCES.md", base, UpdatesDir)
}
