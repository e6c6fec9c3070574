# The two commands: `make run` (start the CRM) and `make test` (every test).
.PHONY: run test test-module bench clean-state

run:            ## install what is missing, create/update the database, serve on :8069
	@bash scripts/run.sh

test:           ## bootstrap, then module tests, XML-RPC end-to-end tests, browser tests
	@bash scripts/test.sh

test-module:    ## make test-module M=crm_sales  (one module's tests only)
	@bash scripts/test.sh $(M)

bench:          ## benchmarks (not part of `make test`)
	@bash scripts/bench.sh

clean-state:    ## remove the private PostgreSQL cluster, filestore and logs
	@bash scripts/clean_state.sh
