# The two commands: `make run` (start the CRM) and `make test` (every test).
.PHONY: run test test-module bench bench-growth load failover backup restore clean-state

run:            ## install what is missing, create/update the database, serve on :8069
	@bash scripts/run.sh

test:           ## bootstrap, then module tests, XML-RPC end-to-end tests, browser tests
	@bash scripts/test.sh

test-module:    ## make test-module M=crm_sales  (one module's tests only)
	@bash scripts/test.sh $(M)

bench:          ## benchmarks (not part of `make test`)
	@bash scripts/bench.sh

bench-growth:   ## the reports at 1x then 10x the data, growth factor per screen (about an hour)
	@bash scripts/bench_growth.sh

load:           ## the sales floor at a real company's size vs bare Odoo CRM (not in `make test`)
	@bash scripts/load.sh

failover:       ## two nodes behind nginx under load; one dies and comes back (not in `make test`)
	@bash scripts/failover.sh

backup:         ## make backup [KEEP=14]: database crm (CRM_DB) + filestore into backups/<db>-<time>/
	@bash scripts/backup.sh backup $(if $(KEEP),--keep $(KEEP))

restore:        ## make restore FROM=backups/crm-20261207-020000 [TO=newdb]: into a NEW database
	@bash scripts/backup.sh restore "$(FROM)" $(if $(TO),--to $(TO))

clean-state:    ## remove the private PostgreSQL cluster, filestore and logs
	@bash scripts/clean_state.sh
