package report_test

import (
	"strings"
	"testing"

	"parley/app/report"
	"parley/scenarios"
)

func TestCostToCanada(t *testing.T) {
	tot := scenarios.Totals{Duty: 33.1e9, TradeChange: -35.7e9, TradeChangeLow: -18.5e9, TradeChangeHigh: -52.2e9, Banned: 1e9}
	band := &scenarios.MonteCarloTotals{Duty: scenarios.Percentiles{P10: 32.8e9, P50: 33.2e9, P90: 37.8e9},
		TradeChange: scenarios.Percentiles{P10: -50.9e9, P50: -35e9, P90: -22.7e9}}
	for _, c := range []struct {
		name                string
		tot                 scenarios.Totals
		band                *scenarios.MonteCarloTotals
		cost, importers     []string
		notCost, notImports []string
	}{
		{"with ranges", tot, band,
			[]string{"What it costs Canada: US$ 35.7 bn a year of lost exports to the US", "the trade effect", "range US$ 22.7 bn to US$ 50.9 bn, P10–P90", "US$ 1.0 bn stopped by import bans"},
			[]string{"What US importers pay: US$ 33.1 bn a year of duty at stake on 2024 volumes", "(US$ 32.8 bn to US$ 37.8 bn, P10–P90)", "not itself a cost to Canada"},
			[]string{"≤"}, []string{"≤"}},
		{"without ranges: the elasticity's", tot, nil,
			[]string{"range US$ 18.5 bn to US$ 52.2 bn at the low and high elasticity"},
			[]string{"US$ 33.1 bn a year of duty at stake on 2024 volumes, charged"},
			[]string{"P10"}, []string{"P10"}},
		{"an upper bound marks every figure", scenarios.Totals{Duty: 5e9, TradeChange: -4e9, TradeChangeLow: -2e9, TradeChangeHigh: -6e9, UpperBound: true}, nil,
			[]string{"≤ US$ 4.0 bn a year of lost exports", "≤ US$ 2.0 bn to ≤ US$ 6.0 bn"},
			[]string{"≤ US$ 5.0 bn a year of duty"}, []string{"bans"}, nil},
		{"nothing", scenarios.Totals{}, nil, []string{"no lost exports"}, []string{"no duty at stake"}, nil, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			cost, imp := report.CostToCanada(c.tot, c.band, 2024)
			for _, w := range c.cost {
				if !strings.Contains(cost, w) {
					t.Errorf("cost %q lacks %q", cost, w)
				}
			}
			for _, w := range c.notCost {
				if strings.Contains(cost, w) {
					t.Errorf("cost %q has %q", cost, w)
				}
			}
			for _, w := range c.importers {
				if !strings.Contains(imp, w) {
					t.Errorf("importers %q lacks %q", imp, w)
				}
			}
			for _, w := range c.notImports {
				if strings.Contains(imp, w) {
					t.Errorf("importers %q has %q", imp, w)
				}
			}
		})
	}
}
