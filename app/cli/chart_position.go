package cli

import (
	"strconv"

	"parley/app/charts"
	"parley/app/report"
	"parley/scenarios"
)

// positionKind reports whether k is a chart of the negotiating position
// (leverage, deal), which also take --top.
func positionKind(k charts.Kind) bool { return k == charts.Leverage || k == charts.Deal }

// chartDraws reads --draws N and --seed S of an exposure chart: its P10–P90
// ranges from a Monte Carlo run.
func chartDraws(c *call, req *report.ChartRequest) error {
	if !c.args.has("draws") && !c.args.has("seed") {
		return nil
	}
	if req.Kind != charts.Exposure {
		return usagef("--draws and --seed apply to exposure charts only")
	}
	if !c.args.has("draws") {
		return usagef("--seed needs --draws N")
	}
	draws, err := strconv.Atoi(c.args.value("draws"))
	if err != nil || draws < 1 || draws > scenarios.MaxDraws {
		return usagef("--draws %q: want a whole number from 1 to %d", c.args.value("draws"), scenarios.MaxDraws)
	}
	req.Draws, req.Seed = draws, defaultSeed
	if c.args.has("seed") {
		if req.Seed, err = strconv.ParseUint(c.args.value("seed"), 10, 64); err != nil {
			return usagef("--seed %q: want a whole number from 0 to 18446744073709551615", c.args.value("seed"))
		}
	}
	return nil
}
