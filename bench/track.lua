-- wrk script: GET /api/applications/{code} with the mobile's last 4 digits
-- (the code comes from the environment). Used by `cargo xtask bench load`.

local code = os.getenv("JIUZHU_BENCH_CODE")

function request()
  return wrk.format("GET", "/api/applications/" .. code, {["X-Phone-Last4"] = "5678"})
end

function response(status, headers, body)
  if status ~= 200 then
    io.stderr:write("unexpected status " .. status .. "\n")
  end
end
