/** Bundles the simulated Excel host (office-sim.ts) for the browser with the project's webpack. */
import path from 'node:path';
import webpack from 'webpack';

export async function bundleSimulatedHost(outDir: string): Promise<string> {
  const compiler = webpack({
    mode: 'development',
    devtool: false,
    target: 'web',
    entry: path.join(__dirname, 'office-sim.ts'),
    output: { path: outDir, filename: 'office-sim.js' },
    resolve: { extensions: ['.ts', '.js'], extensionAlias: { '.js': ['.ts', '.js'] } },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: { loader: 'ts-loader', options: { transpileOnly: true, compilerOptions: { module: 'esnext', moduleResolution: 'bundler', target: 'es2020' } } },
        },
      ],
    },
  });
  await new Promise<void>((resolve, reject) =>
    compiler.run((error, stats) => {
      if (error || stats?.hasErrors()) reject(error ?? new Error(stats?.toString('errors-only')));
      else compiler.close(() => resolve());
    }),
  );
  return path.join(outDir, 'office-sim.js');
}
